// src/parse/limits.ts
// Bounds checked on the raw HTML before any parser sees it. HTML parsers keep a stack of open
// elements (parse5's work grows with its depth, and every serialiser recurses), and jsdom holds
// every node in memory: a page nested 100,000 deep or made of a million empty elements would
// take minutes and gigabytes. Real pages stay far below both limits.

import { CleanError } from '../errors.js';

/** Deepest nesting accepted; real news pages rarely pass 60. */
export const MAX_DEPTH = 2000;
/** Most elements accepted once empty ones are dropped; real pages have a few thousand. */
export const MAX_ELEMENTS = 250_000;

// [^<>] keeps every attempt from running past the next tag, so the scan stays linear on junk input.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;
/** Elements that never hold children, or whose end tag the parser implies when a sibling starts. */
const NO_DEPTH = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'tbody',
  'thead',
  'tfoot',
]);
/** An element with nothing inside it and no attribute that makes it an image, embed or anchor. */
const EMPTY_ELEMENT = /<(span|div|i|b|em|strong|p|a|li|section|font|small|u|s|ins|del|label)(?:\s[^<>]*)?>\s*<\/\1\s*>/gi;

interface Shape {
  depth: number;
  elements: number;
}

function measure(html: string): Shape {
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  for (const match of html.matchAll(TAG)) {
    const [, closing, name = '', selfClosing] = match;
    if (closing) {
      if (!NO_DEPTH.has(name.toLowerCase())) depth = Math.max(0, depth - 1);
      continue;
    }
    elements++;
    if (selfClosing || NO_DEPTH.has(name.toLowerCase())) continue;
    depth++;
    if (depth > deepest) deepest = depth;
  }
  return { depth: deepest, elements };
}

/**
 * Returns HTML a parser can take in bounded time: empty elements dropped when there are too
 * many, or E_TOO_LARGE when the page is still too deep or too big.
 */
export function boundedHtml(html: string, source: string): string {
  let shape = measure(html);
  if (shape.depth > MAX_DEPTH) {
    throw new CleanError('E_TOO_LARGE', `elements nest ${shape.depth} deep, over the limit of ${MAX_DEPTH}`, source);
  }
  if (shape.elements <= MAX_ELEMENTS) return html;
  // Empty elements carry no text; dropping them (nested ones too, in a few passes) often saves the page.
  let trimmed = html;
  for (let pass = 0; pass < 4 && shape.elements > MAX_ELEMENTS; pass++) {
    trimmed = trimmed.replace(EMPTY_ELEMENT, '');
    shape = measure(trimmed);
  }
  if (shape.elements > MAX_ELEMENTS) {
    throw new CleanError('E_TOO_LARGE', `${shape.elements} elements, over the limit of ${MAX_ELEMENTS}`, source);
  }
  return trimmed;
}
