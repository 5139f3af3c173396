// src/extract/page-paragraphs.ts
// The page's headlines and paragraphs with their text and comparison key, read once per page.
// Three stages match the article against the page by its paragraphs (where Readability's block
// came from, the lede outside it, the sections beside it), and reading the text of every
// paragraph of a large page is a good share of a page's cost: each stage reading it again made
// the recall stages cost more than the rest of the filters together.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { readableText } from '../text/dom-text.js';
import { textKey } from '../text/normalize.js';

export interface PageParagraph {
  element: Element;
  /** Its visible text, spaces collapsed. */
  text: string;
  key: string;
  /** Its place among the page's h1 and p elements. */
  order: number;
}

export interface PageParagraphs {
  /** Every h1 and p of the body, in page order. */
  inOrder(): readonly PageParagraph[];
  /** The first paragraph (p) with each non-empty key. */
  byKey(): ReadonlyMap<string, PageParagraph>;
}

/**
 * Reads the page's paragraphs on first use and keeps them, so the page's text must not change
 * after the first call: the pipeline reads it once for the lede (the whole page) and once as
 * Readability reads it (prepareForReadability cuts the page down), for the other two.
 */
export function pageParagraphs($page: CheerioAPI): PageParagraphs {
  let ordered: PageParagraph[] | undefined;
  let keyed: Map<string, PageParagraph> | undefined;
  const inOrder = (): readonly PageParagraph[] => {
    ordered ??= $page('body h1, body p')
      .toArray()
      .map((element, order) => {
        const text = readableText(element);
        return { element, text, key: textKey(text), order };
      });
    return ordered;
  };
  const byKey = (): ReadonlyMap<string, PageParagraph> => {
    if (keyed) return keyed;
    keyed = new Map();
    for (const paragraph of inOrder()) {
      if (paragraph.element.name === 'p' && paragraph.key !== '' && !keyed.has(paragraph.key)) keyed.set(paragraph.key, paragraph);
    }
    return keyed;
  };
  return { inOrder, byKey };
}
