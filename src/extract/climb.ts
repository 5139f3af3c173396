// src/extract/climb.ts
// Readability climbs from its best block to the ancestor that holds three of its other best-scored
// blocks, so that a story set in several sibling sections comes whole. But sidebar boxes score
// like that too once the page's link lists are gone (a column of blurbs, "About this blog",
// contributor notes), and on such a page the climb takes the whole layout: the story plus the
// sidebar. This stage checks a choice that holds the page's headline block plus more text outside
// it than in it, and asks Readability again without the climb. Its new choice is taken only when
// it is the headline's block itself, nearly whole: a story in sections keeps the climb.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { assess } from './furniture.js';
import type { PageParagraphs } from './page-paragraphs.js';
import { type ExtractedContent, NON_CLIMBING_TOP_CANDIDATES } from './readability.js';

/** Share of the headline block's paragraph text the unclimbed choice must hold. */
const MIN_ROOT_SHARE = 0.7;

export interface ClimbInputs {
  page: CheerioAPI;
  paragraphs: PageParagraphs;
  /** The block under the page's headline (verify.ts headlineRoot). */
  root: Element;
  rerun: (without: readonly Element[], nbTopCandidates?: number) => ExtractedContent | null;
}

const contains = ($page: CheerioAPI, outer: Element, inner: Element): boolean => outer === inner || $page.contains(outer, inner);

/** Paragraph characters of the page inside `within`, and of those, inside `part`. */
function paragraphChars($page: CheerioAPI, paragraphs: PageParagraphs, within: Element, part: Element): { all: number; inPart: number } {
  let all = 0;
  let inPart = 0;
  for (const paragraph of paragraphs.inOrder()) {
    if (paragraph.element.name !== 'p' || !$page.contains(within, paragraph.element)) continue;
    all += paragraph.text.length;
    if (contains($page, part, paragraph.element)) inPart += paragraph.text.length;
  }
  return { all, inPart };
}

/**
 * The extraction, or Readability's choice without the climb when the extraction is an ancestor of
 * the headline's block that holds more paragraph text outside that block than inside it, and the
 * choice without the climb is the headline's block (or inside it) with most of its text.
 */
export function withoutClimb(content: ExtractedContent, source: Element, inputs: ClimbInputs): ExtractedContent {
  const { page, paragraphs, root } = inputs;
  if (source === root || !page.contains(source, root)) return content;
  const { all, inPart } = paragraphChars(page, paragraphs, source, root);
  if (inPart === 0 || all - inPart <= inPart) return content;
  const next = inputs.rerun([], NON_CLIMBING_TOP_CANDIDATES);
  if (!next) return content;
  const again = assess(page, next, paragraphs);
  if (again.reason || !again.source || !contains(page, root, again.source)) return content;
  const kept = paragraphChars(page, paragraphs, root, again.source).inPart;
  return kept >= inPart * MIN_ROOT_SHARE ? next : content;
}
