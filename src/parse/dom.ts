// src/parse/dom.ts
// Builds the jsdom Document Readability runs on. Scripts never run and nothing is loaded:
// documents come from DOMParser, which has no browsing context at all.

import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';
import type { Document as TreeDocument, Element as TreeElement } from 'domhandler';
import { CleanError } from '../errors.js';
import { copyTree, parserFactory } from './dom-build.js';
import { stripAllStyles } from './shrink.js';
import { speedUpTagQueries } from './tag-queries.js';

/**
 * jsdom (CommonJS) is loaded on the first HTML page, not with this module: loading it is most of
 * a page's start-up time, and a text dump, --help or a failed read never needs it.
 */
const loadJsdom = (): typeof Jsdom => createRequire(import.meta.url)('jsdom') as typeof Jsdom;

/** A fixed base for pages with no known address, so relative links resolve deterministically. */
export const FALLBACK_BASE_URL = 'https://page.invalid/';

/** Turns HTML into a jsdom Document; one per process or worker, reused for every page. */
export interface DomParser {
  parse(html: string, url: string | null, source: string): Document;
  /**
   * The same document made from an already parsed tree (dom-build.ts), `hidden` elements marked
   * hidden; `html` gives the tree serialised, parsed instead when jsdom refuses a name in it.
   */
  copy(root: TreeDocument, html: () => string, url: string | null, source: string, hidden?: ReadonlySet<TreeElement>): Document;
  /** Lets a finished document be garbage-collected (see createDomParser). */
  release(document: Document): void;
}

/** A page's own <base> still wins, resolved against the page's address as a browser would. */
function resolveOwnBase(document: Document, base: string): string {
  // getElementsByTagName, not querySelector: jsdom's selector engine costs more than the whole lookup.
  const own = [...document.getElementsByTagName('base')].find((base) => base.hasAttribute('href'))?.getAttribute('href');
  if (!own) return base;
  try {
    return new URL(own, base).href;
  } catch {
    return base;
  }
}

/**
 * Creating a jsdom window costs as much as parsing a page (it installs every Web interface), so
 * DOMParser documents share one window. jsdom's window tracks every element with an id or name
 * in any document it parsed (its named properties, window.someId) until that element leaves
 * its document, which keeps each parsed page alive for good. `release` takes the tree out of
 * the document, which unregisters those elements and lets the page be collected.
 */
export function createDomParser(): DomParser {
  // A silent console: jsdom reports CSS it cannot parse, which is noise for our users.
  const { JSDOM, VirtualConsole } = loadJsdom();
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
  // jsdom's selector engine adds focus and keyboard listeners to the window for every document it
  // queries, and never removes them, which pins each page. Nothing ever dispatches an event on
  // this window, so such listeners could never run: do not keep them.
  window.addEventListener = () => undefined;
  speedUpTagQueries(window);
  const parser = new window.DOMParser();
  const withBase = (document: Document, base: string): Document => {
    // Readability resolves links against baseURI; a <base> gives the page its real address.
    const baseElement = document.createElement('base');
    baseElement.setAttribute('href', resolveOwnBase(document, base));
    document.head.prepend(baseElement);
    return document;
  };
  const build = (html: string, base: string): Document => withBase(parser.parseFromString(html, 'text/html') as unknown as Document, base);
  const factory = parserFactory(parser as unknown as DOMParser);
  const parse = (html: string, url: string | null, source: string): Document => {
    const base = url ?? FALLBACK_BASE_URL;
    try {
      return build(html, base);
    } catch {
      // jsdom's CSS parser throws on some inline styles; the article does not need them.
      try {
        return build(stripAllStyles(html), base);
      } catch (error) {
        throw new CleanError('E_DECODE', `cannot parse HTML: ${(error as Error).message}`, source);
      }
    }
  };
  return {
    release(document) {
      // Readability may have taken the root out already; whatever is left goes.
      while (document.firstChild) document.firstChild.remove();
    },
    parse,
    copy(root, html, url, source, hidden) {
      let document: Document;
      try {
        document = copyTree(root, factory, hidden);
      } catch {
        // A name jsdom's DOM refuses (or a style its CSS parser throws on): the parse accepts it.
        return parse(html(), url, source);
      }
      return withBase(document, url ?? FALLBACK_BASE_URL);
    },
  };
}
