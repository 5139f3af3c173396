// src/filters/apply.ts
// Runs filters and does the removing: filters only select, this module removes and records
// {filter, reason, text} for `--explain`. Selections that would take the article with them are
// refused here, once, instead of in every filter (the recall guard).

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { paragraphChars } from '../parse/page.js';
import { boundedReadableText } from '../text/dom-text.js';
import { collapseSpaces, textKey, truncate } from '../text/normalize.js';
import type { DumpLine, Filter, FilterContext, Removal } from '../types.js';
import { closestElement, compileSelector, hasElement, insideMatching, isTag } from '../parse/select.js';
import { linkDensity } from './select-helpers.js';

const EXPLAIN_CHARS = 200;
/** A page-stage selection holding this share of the page's paragraph text is the article itself. */
const MAX_PAGE_SHARE = 0.25;
/** An article-stage selection may never remove more than this share of the article. */
const MAX_ARTICLE_SHARE = 0.4;
/** The page's own markers of where the article is. */
const ARTICLE_MARKERS = 'article, main, [itemprop="articleBody"], [role="main"]';
const IS_ARTICLE_MARKER = compileSelector(ARTICLE_MARKERS);
const IS_MARKER_OR_H1 = compileSelector(`${ARTICLE_MARKERS}, h1`);
/** Structures that carry article content no boilerplate filter should take with it. */
const ARTICLE_CONTENT = 'table, blockquote, pre';

function record(filter: Filter, text: string): Removal {
  return { filter: filter.name, reason: filter.reason, text: truncate(collapseSpaces(text), EXPLAIN_CHARS) };
}

type Guard = (node: AnyNode) => boolean;

/** How much of the stage's text a removal costs: paragraph text on the page, all text in the article. */
function costOf($: CheerioAPI, node: AnyNode, stage: Filter['stage']): number {
  return stage === 'page' ? paragraphChars($, $(node)) : collapseSpaces($(node).text()).length;
}

/** Page stage: never remove the page's article markers, what holds them or the h1, or a large share of the paragraphs. */
function pageGuard($: CheerioAPI): Guard {
  const pageChars = paragraphChars($, $.root());
  return (node) => {
    if (isTag(node) && (IS_ARTICLE_MARKER(node) || hasElement(node, IS_MARKER_OR_H1))) return false;
    return pageChars === 0 || paragraphChars($, $(node)) <= pageChars * MAX_PAGE_SHARE;
  };
}

/** The lead: the first paragraph long enough to be prose, not a label or byline, and not a caption under an image. */
const LEAD_MIN_WORDS = 15;
const IS_CAPTION_PART = compileSelector('figure, figcaption, [class*="caption" i]');
/** A paragraph mostly of links is a list of them set as a line (topics, related stories), not the lead. */
const LEAD_MAX_LINK_DENSITY = 0.5;

function leadParagraph($: CheerioAPI, ctx: FilterContext): AnyNode | undefined {
  const captions = new Set(ctx.captions.map(textKey));
  return $('p')
    .toArray()
    .find((paragraph) => {
      const node = $(paragraph);
      const text = collapseSpaces(node.text());
      const isCaption = captions.has(textKey(text)) || closestElement(paragraph, IS_CAPTION_PART) !== null;
      return !isCaption && text.split(' ').length >= LEAD_MIN_WORDS && linkDensity($, node) < LEAD_MAX_LINK_DENSITY;
    });
}

/**
 * Article stage: no single removal may take a large share of what Readability kept, the lead
 * paragraph, or a table, quote or code block of the article (or what holds one).
 */
/** Inline elements: a pick of one of these inside a sentence would leave the sentence's rest behind. */
const INLINE = new Set(['a', 'span', 'strong', 'b', 'em', 'i', 'u', 'small', 'label', 'font', 'mark', 'abbr', 'cite', 'time', 'sup', 'sub', 'button']);
/** What may be left of a block once an inline pick goes: separators and punctuation, not prose. */
const MAX_LEFTOVER_CHARS = 12;
const PROSE_BLOCKS = 'p, li, h2, h3, h4, h5, h6, dd, blockquote';

/** True when removing `node` would leave part of a line of prose behind ("…to WIRED and stay smart"). */
function isFragmentOfProse($: CheerioAPI, node: AnyNode): boolean {
  if (node.type !== 'tag' || !INLINE.has(node.name) || $(node).find('img, picture, div, p').length > 0) return false;
  const own = collapseSpaces($(node).text()).length;
  const block = $(node)
    .parents()
    .filter((_, parent) => !INLINE.has(parent.name))
    .first();
  // Only lines of prose: a link card or a bold title in a layout cell is a block of its own.
  if (!block.is(PROSE_BLOCKS)) return false;
  // A block with far more raw text than the pick is prose either way: do not read all of a long
  // quote or list item once per pick inside it (seconds on pages of repeated blocks).
  if (boundedReadableText(block[0]!, (own + MAX_LEFTOVER_CHARS) * 4 + 200) === null) return true;
  return collapseSpaces(block.text()).length - own > MAX_LEFTOVER_CHARS;
}

function articleGuard($: CheerioAPI, ctx: FilterContext): Guard {
  const articleChars = collapseSpaces($.root().text()).length;
  const lead = leadParagraph($, ctx);
  return (node) => {
    const element = $(node as Element);
    // A filter takes a whole block or nothing, never an inline piece of prose.
    if (isFragmentOfProse($, node)) return false;
    if (
      lead &&
      (node === lead ||
        element
          .find('p')
          .toArray()
          .includes(lead as Element))
    )
      return false;
    if (element.is(ARTICLE_CONTENT) || element.find(ARTICLE_CONTENT).length > 0) return false;
    return collapseSpaces(element.text()).length <= articleChars * MAX_ARTICLE_SHARE;
  };
}

function isAttached(node: AnyNode): boolean {
  let current: AnyNode | null = node;
  while (current) {
    if (current.type === 'root') return true;
    current = current.parent as AnyNode | null;
  }
  return false;
}

/**
 * Runs each filter in turn. A filter's picks are weighed together before any is removed: when
 * they add up to more than its `maxShare`, the filter has mistaken the article for chrome on
 * this page (a "special offer" line in every card of a product guide), and none is removed.
 */
export function applyFilters($: CheerioAPI, filters: readonly Filter[], ctx: FilterContext, stage: Filter['stage']): Removal[] {
  const removals: Removal[] = [];
  const allowed = stage === 'page' ? pageGuard($) : articleGuard($, ctx);
  const total = stage === 'page' ? paragraphChars($, $.root()) : collapseSpaces($.root().text()).length;
  for (const filter of filters) {
    const picked = new Set<AnyNode>();
    let cost = 0;
    for (const node of new Set(filter.select($, ctx))) {
      // Already gone with an ancestor picked by this or an earlier filter.
      if (!isAttached(node) || insideMatching(node, (parent) => picked.has(parent)) || !allowed(node)) continue;
      picked.add(node);
      if (filter.maxShare !== undefined) cost += costOf($, node, stage);
    }
    if (filter.maxShare !== undefined && cost > total * filter.maxShare) continue;
    for (const node of picked) {
      if (!isAttached(node)) continue;
      removals.push(record(filter, $(node).text()));
      $(node).remove();
    }
  }
  return removals;
}

/** Text dumps: every filter with a line selector runs on the lines still standing. */
export function applyLineFilters(lines: readonly DumpLine[], filters: readonly Filter[], ctx: FilterContext): { kept: DumpLine[]; removals: Removal[] } {
  let kept = [...lines];
  const removals: Removal[] = [];
  for (const filter of filters) {
    if (!filter.selectLines) continue;
    const picked = new Set(filter.selectLines(kept, ctx));
    if (picked.size === 0) continue;
    for (const line of kept) if (picked.has(line.index)) removals.push(record(filter, line.text));
    kept = kept.filter((line) => !picked.has(line.index));
  }
  return { kept, removals };
}
