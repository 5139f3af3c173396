// src/parse/documents.ts
// The jsdom documents Readability reads for one page. Readability changes the document it reads,
// so every run gets its own; all of them are released together when the page is done.

import type { CheerioAPI } from 'cheerio';
import type { Document as TreeDocument, Element } from 'domhandler';
import type { DomParser } from './dom.js';
import { prepareForReadability } from './page.js';

export interface PageDocuments {
  /**
   * The page as it was when opened: the first call gets the copy made then, later calls a parse
   * of the same page serialised then (the page itself changes after opening).
   */
  next(): Document;
  /** The page as it is now, cut down for Readability again, with `hidden` elements marked hidden. */
  hiding(hidden: readonly Element[]): Document;
  /** Takes every document's tree out, so the shared jsdom window lets the pages go. */
  release(): void;
}

export interface DocumentPlace {
  url: string | null;
  source: string;
}

/** Cuts the page down for Readability and copies it into jsdom now, before later stages change it. */
export function openPageDocuments(parser: DomParser, page: CheerioAPI, place: DocumentPlace): PageDocuments {
  const made: Document[] = [];
  const keep = (document: Document): Document => {
    made.push(document);
    return document;
  };
  const root = (): TreeDocument => page.root()[0] as TreeDocument;
  prepareForReadability(page);
  const html = page.html();
  let first: Document | null = keep(parser.copy(root(), () => html, place.url, place.source));
  return {
    next() {
      const document = first ?? keep(parser.parse(html, place.url, place.source));
      first = null;
      return document;
    },
    hiding(hidden) {
      prepareForReadability(page);
      return keep(parser.copy(root(), () => htmlWithHidden(page, hidden), place.url, place.source, new Set(hidden)));
    },
    release() {
      for (const document of made) parser.release(document);
      made.length = 0;
    },
  };
}

/** The page (already cut down for Readability) serialised with `elements` marked hidden (Readability skips those). */
function htmlWithHidden(page: CheerioAPI, elements: readonly Element[]): string {
  const marked = elements.filter((element) => element.attribs['hidden'] === undefined);
  for (const element of marked) element.attribs['hidden'] = '';
  try {
    return page.html();
  } finally {
    for (const element of marked) delete element.attribs['hidden'];
  }
}
