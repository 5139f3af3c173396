// src/parse/limits.ts
// Bounds checked on the raw HTML before any parser sees it. HTML parsers keep a stack of open
// elements (parse5's work grows with its depth, and every serialiser recurses), and jsdom holds
// every node in memory: a page nested 100,000 deep or made of a million empty elements would
// take minutes and gigabytes. Real pages stay far below both limits.

import { createRequire } from 'node:module';
import type * as Htmlparser2 from 'htmlparser2';
import { CleanError } from '../errors.js';

/**
 * Deepest nesting accepted. Real pages stay under 100 (98 at most over the 1,181 benchmark and
 * dev pages, counted as below); jsdom's tree building and Readability slow down with the square
 * of the depth, so a page of 1,500 unclosed tables took 12 s.
 */
export const MAX_DEPTH = 500;
/**
 * Most elements accepted once empty ones are dropped; real pages peak at 9,748 over the 1,181
 * benchmark and dev pages. The pipeline's work grows with the element count (about a third of a
 * millisecond each on wide pages: 100,000 "<p>x</p>" in 20 blocks of 4,999, under every other
 * limit, ran past the 30 s page timeout), so this bounds a page's time, not just its memory.
 */
export const MAX_ELEMENTS = 50_000;

/**
 * Most element children one element may have; real pages stay under 2,000 (1,837 at most over
 * the 1,181 benchmark and dev pages). Past it, every selector run inside that element costs the
 * square of its children (cheerio and css-select dedupe a context list of all of them), so
 * 25,000 <input>s in a row took 36 s.
 */
export const MAX_CHILDREN = 5_000;

/**
 * Most text accepted counted once for every element it sits in (characters times their depth).
 * Readability and the filters read each element's text, so their work grows with this sum, not
 * with the page's bytes: 450 blockquotes nested one in the next, each holding a few paragraphs
 * (1.7 MB), took over 60 s. Real pages stay under 2.7 million (2.69 at most over the 1,181
 * benchmark and dev pages, the next 1.16; the median is 0.07); near 9 million a page took 9 s.
 */
export const MAX_NESTED_TEXT = 6_000_000;

/**
 * The same sum with white space counted too: Readability reads textContent, white space and all,
 * element by element, and rebuilds the page up to four times when the article comes out short. A
 * fuzzed page (a 2 kB chunk repeated 200 times, 408 deep) counted 3.9 million above but 19
 * million here, and took 13.7 s of CPU. Real pages stay under 3.5 million (3.43 at most over the
 * 1,181 benchmark and dev pages; the median is 0.12), indentation included.
 */
export const MAX_NESTED_RAW_TEXT = 10_000_000;

/**
 * Elements whose text no stage reads element by element: scripts, styles and templates are
 * stripped, JSON-LD and a title's text are capped (shrink.ts) before any parser sees them.
 * <noscript> is not among them: its content is parsed for images, and 19 MB of text in one took
 * 24 s and 1.3 GB.
 */
const RAW_TEXT = new Set(['script', 'style', 'template', 'title']);

/**
 * Text outside every element (before <html>, after </html>) still lands in the tree builder's
 * <body>, two elements deep: a bare 19 MB text counted as depth 0 ran into the page timeout.
 */
const LOOSE_TEXT_DEPTH = 2;

/** An element with nothing inside it and no attribute that makes it an image, embed or anchor. */
const EMPTY_ELEMENT = /<(span|div|i|b|em|strong|p|a|li|section|font|small|u|s|ins|del|label)(?:\s[^<>]*)?>\s*<\/\1\s*>/gi;

/** Thrown from inside the tokenizer's callbacks to stop counting a page that is too deep. */
const TOO_DEEP = new Error('too deep');

interface Shape {
  depth: number;
  elements: number;
  /** The most element children any one element has. */
  children: number;
  /** Visible characters, each counted once for every element around it. */
  nestedText: number;
  /** Every character (white space too), counted the same way. */
  nestedRawText: number;
}

/**
 * Depth and element count as an HTML tree builder sees them, from htmlparser2's tokenizer and its
 * stack of open elements: "<div/>" still opens a div (HTML ignores the slash), an end tag with no
 * open element is ignored rather than taken off the depth, a "<" inside a quoted attribute is
 * text, and void elements and implied end tags (p, li, td...) hold no depth. Linear in the input,
 * whatever it holds; a regex over tags was not, and could be fooled on all four points.
 */
function measure(html: string): Shape {
  let deepest = 0;
  let elements = 0;
  let children = 0;
  let nestedText = 0;
  let nestedRawText = 0;
  let inRawText = 0;
  // Element children counted so far, one entry per open element (the first is the document).
  const counts = [0];
  // Loaded when the first page is measured: a text dump never is.
  const { Parser } = createRequire(import.meta.url)('htmlparser2') as typeof Htmlparser2;
  const parser = new Parser(
    {
      onopentag(name) {
        elements++;
        if (RAW_TEXT.has(name)) inRawText++;
        const siblings = ++counts[counts.length - 1]!;
        if (siblings > children) children = siblings;
        counts.push(0);
        if (counts.length - 1 > deepest) deepest = counts.length - 1;
        // The page is refused anyway; and htmlparser2's own work per tag grows with its depth.
        if (deepest > MAX_DEPTH) throw TOO_DEEP;
      },
      onclosetag(name) {
        if (counts.length > 1) counts.pop();
        if (RAW_TEXT.has(name) && inRawText > 0) inRawText--;
      },
      ontext(text) {
        // Visible text alone for the first limit: indentation grows with depth on pretty-printed pages.
        if (inRawText > 0) return;
        const depth = Math.max(counts.length - 1, LOOSE_TEXT_DEPTH);
        nestedText += visibleLength(text) * depth;
        nestedRawText += text.length * depth;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
  }
  return { depth: deepest, elements, children, nestedText, nestedRawText };
}

/** Characters of a text run that are not whitespace. */
function visibleLength(text: string): number {
  let visible = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) visible++;
  return visible;
}

/**
 * Returns HTML a parser can take in bounded time: empty elements dropped when there are too
 * many, or E_TOO_LARGE when the page is still too deep or too big.
 */
export function boundedHtml(html: string, source: string): string {
  let shape = measure(html);
  if (shape.depth > MAX_DEPTH) {
    throw new CleanError('E_TOO_LARGE', `elements nest more than ${MAX_DEPTH} deep, the limit`, source);
  }
  if (shape.nestedText > MAX_NESTED_TEXT) {
    throw new CleanError(
      'E_TOO_LARGE',
      `text nested too deep: ${shape.nestedText} characters counted once per enclosing element, over the limit of ${MAX_NESTED_TEXT}`,
      source,
    );
  }
  if (shape.nestedRawText > MAX_NESTED_RAW_TEXT) {
    throw new CleanError(
      'E_TOO_LARGE',
      `text nested too deep: ${shape.nestedRawText} characters with their white space counted once per enclosing element, over the limit of ${MAX_NESTED_RAW_TEXT}`,
      source,
    );
  }
  const tooMany = (of: Shape): boolean => of.elements > MAX_ELEMENTS || of.children > MAX_CHILDREN;
  if (!tooMany(shape)) return html;
  // Empty elements carry no text; dropping them (nested ones too, in a few passes) often saves the page.
  let trimmed = html;
  for (let pass = 0; pass < 4 && tooMany(shape); pass++) {
    trimmed = trimmed.replace(EMPTY_ELEMENT, '');
    shape = measure(trimmed);
  }
  if (shape.elements > MAX_ELEMENTS) {
    throw new CleanError('E_TOO_LARGE', `${shape.elements} elements, over the limit of ${MAX_ELEMENTS}`, source);
  }
  if (shape.children > MAX_CHILDREN) {
    throw new CleanError('E_TOO_LARGE', `one element has ${shape.children} element children, over the limit of ${MAX_CHILDREN}`, source);
  }
  return trimmed;
}
