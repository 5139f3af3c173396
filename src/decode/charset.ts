// src/decode/charset.ts
// Picks a page's charset the way browsers do, then decodes it. Order:
// BOM > HTTP Content-Type > <meta> prescan > valid UTF-8 > statistical detector > windows-1252.

import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { labelToName } from 'whatwg-encoding';

export type CharsetSource = 'bom' | 'http' | 'meta' | 'utf8-valid' | 'detector' | 'default';

export interface Decoded {
  text: string;
  charset: string;
  source: CharsetSource;
}

/**
 * WHATWG maps these labels to supersets; decoding "iso-8859-1" as real Latin-1 would turn
 * the 0x80-0x9F bytes pages actually mean („ “ – €) into control characters.
 */
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'ks_c_5601-1987': 'euc-kr',
  'iso-8859-9': 'windows-1254',
  'tis-620': 'windows-874',
  utf8: 'utf-8',
  // WHATWG labels iconv-lite does not know by these names.
  'x-cp1250': 'windows-1250',
  'x-cp1251': 'windows-1251',
  'x-cp1252': 'windows-1252',
  'x-cp1253': 'windows-1253',
  'x-cp1254': 'windows-1254',
  'x-cp1255': 'windows-1255',
  'x-cp1256': 'windows-1256',
  'x-cp1257': 'windows-1257',
  'x-cp1258': 'windows-1258',
  'x-euc-jp': 'euc-jp',
  'x-mac-cyrillic': 'maccyrillic',
  'x-mac-ukrainian': 'maccyrillic',
  'x-mac-roman': 'macintosh',
  // The HTML spec turns a declared x-user-defined into windows-1252.
  'x-user-defined': 'windows-1252',
  // The bare "utf-16" label means little-endian in browsers; iconv-lite would guess.
  'utf-16': 'utf-16le',
};

/** Browsers look at the first 1024 bytes; many real pages declare later, so we look a little further. */
const META_PRESCAN_BYTES = 8192;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const DETECTOR_MIN_CONFIDENCE = 30;

/**
 * The iconv-lite name for a declared charset, or null for a label browsers would not honour.
 * Only labels of the WHATWG Encoding Standard count (whatwg-encoding holds its table): UTF-7 and
 * the like smuggle markup past a reader of the bytes ("+ADw-b+AD4-" is "<b>"), so a page that
 * declares one is decoded as if it had declared nothing. "replacement" labels are refused too.
 */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const lower = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const standard = labelToName(lower)?.toLowerCase();
  if (!standard || standard === 'replacement') return null;
  const name = LABEL_ALIASES[standard] ?? standard;
  return iconv.encodingExists(name) ? name : null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

export function charsetFromContentType(contentType: string | null): string | null {
  const match = contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  return normalizeCharset(match?.[1]);
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString('latin1');
  const declared = normalizeCharset(META_CHARSET.exec(head)?.[1]);
  // A page cannot be UTF-16 if we could read its <meta> as ASCII: the spec says use UTF-8.
  return declared?.startsWith('utf-16') ? 'utf-8' : declared;
}

/** Without a BOM a page is never UTF-16/32; chardet still rates tiny 8-bit inputs as UTF-32LE. */
const WIDE_CHARSET = /^utf-?(16|32)/i;

function charsetFromDetector(bytes: Uint8Array): string | null {
  const best = chardet.analyse(bytes).find((match) => match.confidence >= DETECTOR_MIN_CONFIDENCE && !WIDE_CHARSET.test(match.name));
  return normalizeCharset(best?.name);
}

export function detectCharset(bytes: Uint8Array, contentType: string | null): Omit<Decoded, 'text'> {
  const fromBom = charsetFromBom(bytes);
  if (fromBom) return { charset: fromBom, source: 'bom' };
  const fromHttp = charsetFromContentType(contentType);
  if (fromHttp) return { charset: fromHttp, source: 'http' };
  const fromMeta = charsetFromMeta(bytes);
  if (fromMeta) return { charset: fromMeta, source: 'meta' };
  if (isUtf8(bytes)) return { charset: 'utf-8', source: 'utf8-valid' };
  const detected = charsetFromDetector(bytes);
  if (detected) return { charset: detected, source: 'detector' };
  return { charset: 'windows-1252', source: 'default' };
}

/**
 * UTF-8, nearly every page, goes through the platform's decoder: it replaces a broken sequence
 * as browsers do (the Encoding Standard), and it is several times faster than iconv-lite's,
 * which is a good share of a page's cost. Both drop a leading BOM, so the text never starts
 * with U+FEFF.
 */
const UTF8 = new TextDecoder('utf-8');

export function decodeBytes(bytes: Buffer, contentType: string | null): Decoded {
  const { charset, source } = detectCharset(bytes, contentType);
  return { text: charset === 'utf-8' ? UTF8.decode(bytes) : iconv.decode(bytes, charset), charset, source };
}
