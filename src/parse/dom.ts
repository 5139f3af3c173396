// src/parse/dom.ts
// Builds a jsdom Document that never runs scripts, never loads resources and never logs.

import { JSDOM, VirtualConsole } from 'jsdom';
import { CleanError } from '../errors.js';
import { shrinkHtml, stripAllStyles } from './shrink.js';

/** A fixed base for pages with no known address, so relative links resolve deterministically. */
export const FALLBACK_BASE_URL = 'https://page.invalid/';

export interface ParsedPage {
  dom: JSDOM;
  document: Document;
}

function build(html: string, url: string): JSDOM {
  // A silent console: jsdom reports CSS it cannot parse, which is noise for our users.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole, pretendToBeVisual: false });
}

export function parseHtml(html: string, url: string | null, source: string): ParsedPage {
  const base = url ?? FALLBACK_BASE_URL;
  const shrunk = shrinkHtml(html);
  let dom: JSDOM;
  try {
    dom = build(shrunk, base);
  } catch {
    // jsdom's CSS parser throws on some inline styles; the article does not need them.
    try {
      dom = build(stripAllStyles(shrunk), base);
    } catch (error) {
      throw new CleanError('E_DECODE', `cannot parse HTML: ${(error as Error).message}`, source);
    }
  }
  return { dom, document: dom.window.document };
}
