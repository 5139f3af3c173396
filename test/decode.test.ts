// test/decode.test.ts
// Unit tests of charset detection/decoding (src/decode/charset.ts) and byte sniffing
// (src/decode/sniff.ts), on byte buffers built here with iconv-lite.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectCharset, normalizeCharset } from '../src/decode/charset.js';
import { assertPageBytes, looksLikeHtml } from '../src/decode/sniff.js';
import { CleanError } from '../src/errors.js';
import { JA_PARAGRAPHS, JA_TITLE, RU_PARAGRAPHS, RU_TITLE, plainPage } from './helpers/article-page.js';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const metaPage = (charset: string, body = '<p>Hello</p>'): Buffer =>
  ascii(`<!doctype html><html><head><meta charset="${charset}"><title>t</title></head><body>${body}</body></html>`);

function thrown(run: () => unknown): CleanError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CleanError);
    return error as CleanError;
  }
  throw new Error('expected a CleanError, nothing was thrown');
}

describe('detectCharset: precedence', () => {
  it('a UTF-8 BOM wins over the header and <meta>', () => {
    const bytes = Buffer.concat([UTF8_BOM, metaPage('shift_jis', '<p>Grüße</p>')]);
    expect(detectCharset(bytes, 'text/html; charset=windows-1251')).toEqual({ charset: 'utf-8', source: 'bom' });
  });

  it('UTF-16 BOMs win and the text decodes without the BOM', () => {
    const html = '<html><head><meta charset="windows-1252"></head><body><p>Привет, мир</p></body></html>';
    const le = Buffer.concat([UTF16LE_BOM, iconv.encode(html, 'utf-16le')]);
    const be = Buffer.concat([UTF16BE_BOM, iconv.encode(html, 'utf-16be')]);
    expect(detectCharset(le, 'text/html; charset=iso-8859-1')).toEqual({ charset: 'utf-16le', source: 'bom' });
    expect(detectCharset(be, null)).toEqual({ charset: 'utf-16be', source: 'bom' });
    expect(decodeBytes(le, null).text).toBe(html);
    expect(decodeBytes(be, null).text).toBe(html);
  });

  it('decodeBytes strips a UTF-8 BOM', () => {
    const decoded = decodeBytes(Buffer.concat([UTF8_BOM, Buffer.from('<p>Café</p>')]), 'text/html; charset=windows-1252');
    expect(decoded).toEqual({ text: '<p>Café</p>', charset: 'utf-8', source: 'bom' });
  });

  it('the Content-Type header wins over <meta>', () => {
    const bytes = iconv.encode(plainPage(RU_TITLE, RU_PARAGRAPHS, 'utf-8'), 'windows-1251');
    expect(detectCharset(bytes, 'text/html; charset=windows-1251')).toEqual({ charset: 'windows-1251', source: 'http' });
    const decoded = decodeBytes(bytes, 'text/html; charset=windows-1251');
    expect(decoded.text).toContain(RU_PARAGRAPHS[0]);
  });

  it('reads quoted and upper-case header charsets', () => {
    expect(detectCharset(ascii('<p>x</p>'), 'text/html; charset="Windows-1251"').charset).toBe('windows-1251');
    expect(detectCharset(ascii('<p>x</p>'), 'text/html;charset=UTF-8').charset).toBe('utf-8');
  });

  it('an unknown header charset falls through to <meta>', () => {
    expect(detectCharset(metaPage('koi8-r'), 'text/html; charset=x-no-such-charset')).toEqual({
      charset: 'koi8-r',
      source: 'meta',
    });
  });

  it('a header without charset falls through to <meta>', () => {
    expect(detectCharset(metaPage('shift_jis'), 'text/html')).toEqual({ charset: 'shift_jis', source: 'meta' });
  });
});

describe('detectCharset: <meta> prescan', () => {
  it('finds <meta charset>', () => {
    const bytes = iconv.encode(plainPage(JA_TITLE, JA_PARAGRAPHS, 'Shift_JIS'), 'shift_jis');
    expect(detectCharset(bytes, null)).toEqual({ charset: 'shift_jis', source: 'meta' });
    const decoded = decodeBytes(bytes, null);
    expect(decoded.text).toContain(JA_TITLE);
    for (const paragraph of JA_PARAGRAPHS) expect(decoded.text).toContain(paragraph);
  });

  it('finds the http-equiv Content-Type form', () => {
    const bytes = ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head></html>');
    expect(detectCharset(bytes, null)).toEqual({ charset: 'koi8-r', source: 'meta' });
  });

  it('maps a <meta> label through the WHATWG aliases', () => {
    expect(detectCharset(metaPage('ISO-8859-1'), null)).toEqual({ charset: 'windows-1252', source: 'meta' });
    expect(detectCharset(metaPage('gb2312'), null)).toEqual({ charset: 'gb18030', source: 'meta' });
  });

  it('a <meta> that says UTF-16 means UTF-8 (an ASCII-readable page cannot be UTF-16)', () => {
    expect(detectCharset(metaPage('utf-16'), null)).toEqual({ charset: 'utf-8', source: 'meta' });
  });

  it('ignores an unknown <meta> label', () => {
    expect(detectCharset(metaPage('no-such-charset'), null)).toEqual({ charset: 'utf-8', source: 'utf8-valid' });
  });

  // Issue 13.3: UTF-7 smuggles markup ("+ADw-b+AD4-" is "<b>"); browsers refuse the label.
  it.each([
    ['<meta>', null],
    ['the HTTP header', 'text/html; charset=utf-7'],
  ])('a UTF-7 declaration in %s is not honoured: +ADw-...+AD4- stays text', (_where, contentType) => {
    const bytes = metaPage('utf-7', '<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>');
    const decoded = decodeBytes(bytes, contentType);
    expect(decoded.charset).not.toMatch(/utf-?7/i);
    expect(decoded.text).toContain('+ADw-script+AD4-');
    expect(decoded.text).not.toContain('<script>');
  });

  it('only WHATWG Encoding Standard labels are charsets', () => {
    for (const label of ['utf-7', 'UTF7', 'utf-32', 'cesu-8', 'iso-2022-kr', 'x-nonsense']) expect(normalizeCharset(label), label).toBeNull();
    expect(normalizeCharset(' Latin1 ')).toBe('windows-1252');
    expect(normalizeCharset('x-cp1251')).toBe('windows-1251');
    expect(normalizeCharset('Shift_JIS')).toBe('shift_jis');
  });

  it('does not look past the prescan window', () => {
    const padding = `<!-- ${'x'.repeat(9000)} -->`;
    const bytes = ascii(`<html><head>${padding}<meta charset="koi8-r"></head><body><p>Hello</p></body></html>`);
    expect(detectCharset(bytes, null).source).not.toBe('meta');
  });
});

describe('detectCharset: undeclared pages', () => {
  it('valid UTF-8 without any declaration is UTF-8', () => {
    const bytes = Buffer.from(plainPage(RU_TITLE, RU_PARAGRAPHS));
    expect(detectCharset(bytes, null)).toEqual({ charset: 'utf-8', source: 'utf8-valid' });
    expect(decodeBytes(bytes, null).text).toContain(RU_PARAGRAPHS[1]);
  });

  it('pure ASCII is treated as UTF-8', () => {
    expect(detectCharset(ascii('<p>Plain old ASCII text.</p>'), null)).toEqual({ charset: 'utf-8', source: 'utf8-valid' });
  });

  it('undeclared windows-1251 Russian text is detected', () => {
    const bytes = iconv.encode(plainPage(RU_TITLE, RU_PARAGRAPHS), 'windows-1251');
    expect(detectCharset(bytes, null)).toEqual({ charset: 'windows-1251', source: 'detector' });
    const { text } = decodeBytes(bytes, null);
    for (const paragraph of RU_PARAGRAPHS) expect(text).toContain(paragraph);
  });

  it('undeclared Shift_JIS Japanese text is detected', () => {
    const bytes = iconv.encode(plainPage(JA_TITLE, JA_PARAGRAPHS), 'shift_jis');
    expect(detectCharset(bytes, null)).toEqual({ charset: 'shift_jis', source: 'detector' });
    const { text } = decodeBytes(bytes, null);
    for (const paragraph of JA_PARAGRAPHS) expect(text).toContain(paragraph);
  });

  it('undeclared windows-1252 English decodes 0x84 0x93 0x96 0x80 as „ “ – €', () => {
    const bytes = Buffer.concat([
      ascii('<p>The minister called it '),
      Buffer.from([0x84]),
      ascii('a fair deal'),
      Buffer.from([0x93]),
      ascii(' for the years 1990 '),
      Buffer.from([0x96]),
      ascii(' 2000, worth 5 million '),
      Buffer.from([0x80]),
      ascii('.</p>'),
    ]);
    const decoded = decodeBytes(bytes, null);
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).toBe('<p>The minister called it „a fair deal“ for the years 1990 – 2000, worth 5 million €.</p>');
  });

  it('falls back to windows-1252 when nothing else decides, never to C1 control characters', () => {
    const bytes = Buffer.from([0x6f, 0x6b, 0x20, 0x84, 0x93, 0x96, 0x80]);
    const decoded = decodeBytes(bytes, null);
    expect(decoded).toEqual({ text: 'ok „“–€', charset: 'windows-1252', source: 'default' });
    expect(decoded.text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('a declared iso-8859-1 decodes as windows-1252', () => {
    const decoded = decodeBytes(Buffer.from([0x84, 0x41, 0x93, 0x20, 0x96, 0x20, 0x80]), 'text/html; charset=iso-8859-1');
    expect(decoded).toEqual({ text: '„A“ – €', charset: 'windows-1252', source: 'http' });
  });

  it('never guesses UTF-16 or UTF-32 without a BOM', () => {
    // chardet rates very short 8-bit inputs as UTF-32LE; such bytes are not UTF-32 text.
    for (const bytes of [Buffer.from([0x78, 0x80]), Buffer.from([0x80])]) {
      expect(detectCharset(bytes, null).charset).not.toMatch(/^utf-(16|32)/);
    }
  });
});

describe('normalizeCharset', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['latin1', 'windows-1252'],
    ['US-ASCII', 'windows-1252'],
    ['Shift_JIS', 'shift_jis'],
    ['x-sjis', 'shift_jis'],
    ['GBK', 'gb18030'],
    ['"windows-1251"', 'windows-1251'],
  ])('%s -> %s', (label, expected) => {
    expect(normalizeCharset(label)).toBe(expected);
  });

  it.each([null, undefined, '', 'no-such-charset'])('%s -> null', (label) => {
    expect(normalizeCharset(label)).toBeNull();
  });
});

describe('assertPageBytes', () => {
  it.each([
    ['PDF', ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])],
    ['GIF', ascii('GIF89a\x01\x00\x01\x00')],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])],
    ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
  ])('a %s signature is E_NOT_HTML', (name, bytes) => {
    const error = thrown(() => assertPageBytes(bytes, 'input.html'));
    expect(error.code).toBe('E_NOT_HTML');
    expect(error.message).toContain(name);
    expect(error.input).toBe('input.html');
  });

  it('random binary bytes are E_NOT_HTML', () => {
    const bytes = Buffer.alloc(4096);
    let state = 7;
    for (let i = 0; i < bytes.length; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      bytes[i] = state >>> 24;
    }
    expect(thrown(() => assertPageBytes(bytes, 'noise.bin')).code).toBe('E_NOT_HTML');
  });

  it('a few control bytes in a long page are tolerated', () => {
    const bytes = Buffer.concat([ascii(`<p>${'Some text. '.repeat(100)}</p>`), Buffer.from([0x00, 0x01, 0x1b])]);
    expect(() => assertPageBytes(bytes, 'page.html')).not.toThrow();
  });

  it.each([
    ['no bytes', Buffer.alloc(0)],
    ['only whitespace', ascii(' \t\r\n\f\v  \n')],
  ])('%s is E_EMPTY', (_what, bytes) => {
    const error = thrown(() => assertPageBytes(bytes, 'empty.html'));
    expect(error.code).toBe('E_EMPTY');
    expect(error.input).toBe('empty.html');
  });

  it('accepts HTML in UTF-8, windows-1251 and Shift_JIS', () => {
    expect(() => assertPageBytes(Buffer.from(plainPage(RU_TITLE, RU_PARAGRAPHS)), 'a')).not.toThrow();
    expect(() => assertPageBytes(iconv.encode(plainPage(RU_TITLE, RU_PARAGRAPHS), 'windows-1251'), 'b')).not.toThrow();
    expect(() => assertPageBytes(iconv.encode(plainPage(JA_TITLE, JA_PARAGRAPHS), 'shift_jis'), 'c')).not.toThrow();
  });

  it('accepts UTF-16 with a BOM despite its NUL bytes', () => {
    const bytes = Buffer.concat([UTF16LE_BOM, iconv.encode('<html><body><p>Hello there</p></body></html>', 'utf-16le')]);
    expect(() => assertPageBytes(bytes, 'utf16.html')).not.toThrow();
  });
});

describe('looksLikeHtml', () => {
  it('recognises pages', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body></body></html>')).toBe(true);
    expect(looksLikeHtml('\n\n  <html lang="en"><head></head></html>')).toBe(true);
    expect(looksLikeHtml('<div class="story"><p>Text</p></div>')).toBe(true);
  });

  it('treats a plain-text dump as text', () => {
    expect(looksLikeHtml('Harbour bridge reopens\nThe old bridge reopened on Monday.\nCoastal Times')).toBe(false);
  });

  it('a dump that mentions a tag late and rarely is still text', () => {
    const dump = `${'The old bridge reopened on Monday after two years of repairs. '.repeat(12)}\nUse <p> for paragraphs.`;
    expect(looksLikeHtml(dump)).toBe(false);
  });
});
