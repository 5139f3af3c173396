// src/filters/apply.ts
// Runs filters and does the removing: filters only select, this module removes and records
// {filter, reason, text} for `--explain`. Selections that would take the article with them are
// refused here, once, instead of in every filter (the recall guard).

import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { collapseSpaces, truncate } from '../text/normalize.js';
import type { ArticleFilter, DumpLine, Filter, FilterContext, PageFilter, Removal } from '../types.js';

const EXPLAIN_CHARS = 200;
/** A page-stage selection holding this share of the page's paragraph text is the article itself. */
const MAX_PAGE_SHARE = 0.25;
/** An article-stage selection may never remove more than this share of the article. */
const MAX_ARTICLE_SHARE = 0.4;

function record(filter: Filter, text: string): Removal {
  return { filter: filter.name, reason: filter.reason, text: truncate(collapseSpaces(text), EXPLAIN_CHARS) };
}

function paragraphChars(root: ParentNode): number {
  let total = 0;
  for (const paragraph of root.querySelectorAll('p')) total += (paragraph.textContent ?? '').trim().length;
  return total;
}

/** True when the element holds the main content or is an ancestor of the page's own article markers. */
function isProtected(element: Element, pageParagraphChars: number): boolean {
  if (element.matches('article, main, [itemprop="articleBody"], [role="main"]')) return true;
  if (element.querySelector('article, main, [itemprop="articleBody"], h1')) return true;
  return pageParagraphChars > 0 && paragraphChars(element) > pageParagraphChars * MAX_PAGE_SHARE;
}

export function applyPageFilters(doc: Document, filters: readonly PageFilter[], ctx: FilterContext): Removal[] {
  const removals: Removal[] = [];
  const pageChars = paragraphChars(doc);
  for (const filter of filters) {
    for (const element of new Set(filter.select(doc, ctx))) {
      if (!element.isConnected || isProtected(element, pageChars)) continue;
      removals.push(record(filter, element.textContent ?? ''));
      element.remove();
    }
  }
  return removals;
}

export function applyArticleFilters($: CheerioAPI, filters: readonly ArticleFilter[], ctx: FilterContext): Removal[] {
  const removals: Removal[] = [];
  const articleChars = collapseSpaces($.root().text()).length;
  for (const filter of filters) {
    const picked = new Set<AnyNode>(filter.select($, ctx));
    for (const node of picked) {
      // Already gone with an ancestor picked by this or an earlier filter.
      if (!isAttached(node)) continue;
      const text = $(node).text();
      if (collapseSpaces(text).length > articleChars * MAX_ARTICLE_SHARE) continue;
      removals.push(record(filter, text));
      $(node).remove();
    }
  }
  return removals;
}

function isAttached(node: AnyNode): boolean {
  let current: AnyNode | null = node;
  while (current) {
    if (current.type === 'root') return true;
    current = current.parent as AnyNode | null;
  }
  return false;
}

/** Text dumps: every filter with a line selector runs on the lines still standing. */
export function applyLineFilters(
  lines: readonly DumpLine[],
  filters: readonly Filter[],
  ctx: FilterContext,
): { kept: DumpLine[]; removals: Removal[] } {
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
