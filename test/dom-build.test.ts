// test/dom-build.test.ts
// Readability's document is copied from the page's tree (src/parse/dom-build.ts) instead of parsed
// from the serialised page. The copy must be the document that parse gives, or refuse
// (NotRoundTrip) where the parse would build something else; every fixture page is checked too.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document as TreeDocument, Element as TreeElement } from 'domhandler';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/decode/charset.js';
import { looksLikeHtml } from '../src/decode/sniff.js';
import { copyTree, NotRoundTrip, parserFactory } from '../src/parse/dom-build.js';
import { isSelfContainedMarkup } from '../src/parse/noscript-markup.js';
import { boundedHtml } from '../src/parse/limits.js';
import { loadPage, prepareForReadability } from '../src/parse/page.js';

const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
const parser = new window.DOMParser() as unknown as DOMParser;
const factory = parserFactory(parser);

/** The copy and the parse of the serialised page, each as one string with its mode. */
function both(html: string, hidden: (root: TreeDocument) => TreeElement[] = () => []): { copy: string; parse: string } {
  const page = loadPage(html, 'test');
  const root = page.root()[0] as TreeDocument;
  const hide = new Set(hidden(root));
  const copied = copyTree(root, factory, hide);
  for (const element of hide) element.attribs['hidden'] = '';
  const parsed = parser.parseFromString(page.html(), 'text/html');
  const summary = (document: Document) => `${document.compatMode} ${document.doctype?.name ?? '-'} ${document.documentElement.outerHTML}`;
  return { copy: summary(copied), parse: summary(parsed) };
}

function expectSame(html: string): void {
  const { copy, parse } = both(html);
  expect(copy).toBe(parse);
}

describe('copyTree', () => {
  it('copies text, character references, attributes and comments as the parse reads them', () => {
    expectSame(
      '<!DOCTYPE html><html lang="en"><head><title>A &amp; B</title></head><body class="x"><p>One&nbsp;two <b>three</b></p><?xml version="1.0"?><div data-a="1 &quot;2&quot;">four</div></body></html>',
    );
  });

  it('joins the text either side of a removed element, as the parse of the serialised page does', () => {
    const page = loadPage('<!DOCTYPE html><body><p>before <span>cut</span> after</p></body>', 'test');
    page('span').remove();
    const copy = copyTree(page.root()[0] as TreeDocument, factory);
    expect([...copy.querySelector('p')!.childNodes].map((node) => node.nodeValue)).toEqual(['before  after']);
  });

  it('reads a line break written as a character reference as the parse does', () => {
    expectSame('<!DOCTYPE html><body><p title="a&#13;b">one&#13;two&#13;&#10;three</p></body>');
  });

  it('keeps a page without a doctype in quirks mode, <table> inside <p> and all', () => {
    const { copy, parse } = both('<body><p>text<table><tr><td>cell</td></tr></table></p></body>');
    expect(copy).toBe(parse);
    expect(copy).toMatch(/^BackCompat/);
  });

  it('refuses a quirks-mode <table> inside a <p> that the serialised doctype would parse in standards mode', () => {
    const page = loadPage('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><body><p>text<table><tr><td>cell</td></tr></table></body>', 'test');
    expect(() => copyTree(page.root()[0] as TreeDocument, factory)).toThrow(NotRoundTrip);
  });

  it('parses a <noscript> tracking pixel or lazy image into the elements the parse makes', () => {
    expectSame(
      '<!DOCTYPE html><body><div><noscript><div style="display:none"><img src="/p.gif" alt=""></div></noscript></div><p>x<noscript><img src="a.jpg"> &amp; more</noscript></p></body>',
    );
  });

  it('refuses <noscript> markup that would change the page around it', () => {
    const refused = [
      '<p>text <noscript><div>block</div></noscript> more</p>',
      '<a href="/a">link <noscript><a href="/b">other</a></noscript></a>',
      '<div><noscript><div>never closed</noscript><p>after</p></div>',
      '<noscript><body id="x"></noscript>',
      '<table><tr><td><noscript><td>cell</td></noscript></td></tr></table>',
    ];
    for (const body of refused) {
      const page = loadPage(`<!DOCTYPE html><body>${body}</body>`, 'test');
      expect(() => copyTree(page.root()[0] as TreeDocument, factory), body).toThrow(NotRoundTrip);
    }
  });

  it('marks the elements it is given hidden, as the parse of the page serialised with them hidden', () => {
    const { copy, parse } = both('<!DOCTYPE html><body><aside id="rail">rail</aside><p hidden>already</p><main>story</main></body>', (root) =>
      [...root.children].flatMap(function all(node): TreeElement[] {
        const element = node as TreeElement;
        return element.name === 'aside' ? [element] : [...(element.children ?? [])].flatMap(all);
      }),
    );
    expect(copy).toBe(parse);
    expect(copy).toContain('<aside id="rail" hidden="">');
  });

  it('copies every fixture page as the parse reads it, or refuses it', () => {
    const root = join(import.meta.dirname, '..', 'fixtures');
    let copied = 0;
    for (const name of readdirSync(root)) {
      const file = readdirSync(join(root, name)).find((entry) => entry.startsWith('source.'));
      if (!file) continue;
      const { text } = decodeBytes(readFileSync(join(root, name, file)), null);
      if (!looksLikeHtml(text)) continue;
      const page = loadPage(boundedHtml(text, name), name);
      prepareForReadability(page);
      let copy: Document;
      try {
        copy = copyTree(page.root()[0] as TreeDocument, factory);
      } catch (error) {
        expect(error, name).toBeInstanceOf(NotRoundTrip);
        continue;
      }
      const parsed = parser.parseFromString(page.html(), 'text/html');
      expect(copy.documentElement.outerHTML, name).toBe(parsed.documentElement.outerHTML);
      expect(copy.compatMode, name).toBe(parsed.compatMode);
      copied++;
    }
    // Nearly every page is copied: a refusal is the exception it is meant to be.
    expect(copied).toBeGreaterThan(150);
  });
});

describe('isSelfContainedMarkup', () => {
  const free = { insideLink: false, insideParagraph: false };
  it('takes closed inline and block markup, and blocks only outside a paragraph', () => {
    expect(isSelfContainedMarkup('<div><img src="x"></div>', free)).toBe(true);
    expect(isSelfContainedMarkup('<div><img src="x"></div>', { ...free, insideParagraph: true })).toBe(false);
    expect(isSelfContainedMarkup('<span><img src="x"/></span>', { ...free, insideParagraph: true })).toBe(true);
    expect(isSelfContainedMarkup('<table><tr><td>a</td></tr></table>', free)).toBe(true);
  });
  it('refuses unclosed or misnested tags, comments, stray table parts and links inside links', () => {
    expect(isSelfContainedMarkup('<div>open', free)).toBe(false);
    expect(isSelfContainedMarkup('<b><i>x</b></i>', free)).toBe(false);
    expect(isSelfContainedMarkup('<!-- c --><img src="x">', free)).toBe(false);
    expect(isSelfContainedMarkup('<td>x</td>', free)).toBe(false);
    expect(isSelfContainedMarkup('<a href="/">x</a>', { ...free, insideLink: true })).toBe(false);
    expect(isSelfContainedMarkup('<form><input></form>', free)).toBe(false);
  });
});
