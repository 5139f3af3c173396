// src/filters/select-helpers.ts
// Small selection helpers shared by filters: whole-block phrase matching (HTML and lines),
// and link density, on Readability's article (cheerio).

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { boundedReadableText, readableText } from '../text/dom-text.js';
import { collapseSpaces } from '../text/normalize.js';
import type { DumpLine, LineSelector } from '../types.js';

/** Elements that can hold one widget label on their own. */
const LABEL_HOLDERS = 'p, h1, h2, h3, h4, h5, h6, li, div, section, aside, header, footer, span, a, button, label, strong, b, em, figcaption, dt, dd, small';

/** Labels are short; a long block that merely contains the phrase is prose. */
const MAX_LABEL_CHARS = 120;

/** The node's text when it is at most `max` characters, else null, without walking all of a big container. */
export function shortBlockText(node: AnyNode, max: number): string | null {
  const text = boundedReadableText(node, max * 4);
  return text !== null && text.length <= max ? text : null;
}

/** A node's text with word breaks at <br> and block edges (see text/dom-text.ts). */
export function blockText(_$: CheerioAPI, node: AnyNode): string {
  return readableText(node);
}

/**
 * The outermost elements whose whole text matches `pattern`: climbing to the parent while it
 * holds the same text removes the wrapper too, and never a neighbour.
 */
export function selectWholeText($: CheerioAPI, pattern: RegExp, maxChars = MAX_LABEL_CHARS): Element[] {
  const picked = new Set<Element>();
  $(LABEL_HOLDERS).each((_, element) => {
    // Raw text may carry indentation whitespace that collapsing removes; allow for it.
    const text = boundedReadableText(element, maxChars * 4);
    if (!text || text.length > maxChars || !pattern.test(text)) return;
    let top: Element = element;
    // Bounded as above: a wrapper holding the same text is short, and reading all of every big
    // ancestor's text for every label cost seconds on pages of repeated blocks.
    while (top.parent && top.parent.type === 'tag' && !isRoot($, top.parent) && boundedReadableText(top.parent, maxChars * 40) === text) {
      top = top.parent;
    }
    picked.add(top);
  });
  return [...picked];
}

function isRoot($: CheerioAPI, element: Element): boolean {
  return element.parent === null || element.parent.type === 'root' || $(element).is('body, html');
}

/** The share of an element's text that sits inside links. */
export function linkDensity($: CheerioAPI, element: Cheerio<AnyNode>): number {
  const total = collapseSpaces(element.text()).length;
  if (total === 0) return 0;
  let linked = 0;
  element.find('a').each((_, link) => {
    linked += collapseSpaces($(link).text()).length;
  });
  return Math.min(1, linked / total);
}

/** A line selector that picks every line whose whole text matches `pattern`. */
export function linesMatching(pattern: RegExp, maxChars = MAX_LABEL_CHARS): LineSelector {
  return (lines: readonly DumpLine[]) => lines.filter((line) => line.text.length <= maxChars && pattern.test(line.text)).map((line) => line.index);
}
