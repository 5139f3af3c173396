// src/extract/siblings.ts
// Readability keeps one subtree (its top candidate plus the siblings that score well), so an
// article split into sibling sections loses every section its scoring undervalues: the ones
// after an h2 made of lists, tables or short paragraphs, the FAQ at the end, the cards of a
// product round-up. This stage finds, on the page Readability read, the element its output came
// from, and takes back the neighbouring sections that read like more of the same article
// (section-judge.ts decides). It stops at the first neighbour that is not.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { HIDDEN } from '../filters/page-chrome.js';
import { readableText } from '../text/dom-text.js';
import type { PageParagraphs } from './page-paragraphs.js';
import { textKey } from '../text/normalize.js';
import { judge, type JudgeOptions } from './section-judge.js';

/** How far up from Readability's element to look for sibling sections (page builders nest deep). */
const MAX_LEVELS = 8;
/** The page's own article boundary: sections beyond it belong to the page, not the story. */
const ARTICLE_BOUNDARY = 'article, [itemprop="articleBody"], main, [role="main"], body';
/** Shorter paragraphs ("Advertisement", "Share this") repeat all over a page and place nothing. */
const MIN_MATCH_CHARS = 40;

export interface RecoveredSections {
  before: Element[];
  after: Element[];
}

function siblingsOf(element: Element, direction: 'before' | 'after'): Element[] {
  const out: Element[] = [];
  let node: AnyNode | null = direction === 'after' ? element.nextSibling : element.previousSibling;
  while (node) {
    if (node.type === 'tag') out.push(node);
    node = direction === 'after' ? node.nextSibling : node.previousSibling;
  }
  return out;
}

/** The neighbours on one side that are more of the article, up to the first that is not (if any). */
function contiguousContent(
  $: CheerioAPI,
  element: Element,
  direction: 'before' | 'after',
  articleText: string,
  options: JudgeOptions,
): { taken: Element[]; stopped: boolean } {
  const taken: Element[] = [];
  // Walking forward, a heading waits for the section under it; walking back, what is already
  // taken is the section it heads.
  let headings: Element[] = [];
  let stopped = false;
  for (const sibling of siblingsOf(element, direction)) {
    const verdict = judge($, sibling, articleText, options);
    if (verdict === 'stop') {
      stopped = true;
      break;
    }
    if (verdict === 'heading' && direction === 'after') headings.push(sibling);
    else if (verdict === 'heading' || verdict === 'content') {
      taken.push(...headings, sibling);
      headings = [];
    }
  }
  return { taken: direction === 'before' ? taken.reverse() : taken, stopped };
}

/** The deepest element of the page holding every paragraph of the article that can be found there. */
export function sourceElement($page: CheerioAPI, $article: CheerioAPI, paragraphs: PageParagraphs): Element | null {
  const byKey = paragraphs.byKey();
  const found = $article('p')
    .toArray()
    .map((paragraph) => textKey(readableText(paragraph)))
    .filter((key) => key.length >= MIN_MATCH_CHARS)
    .map((key) => byKey.get(key)?.element)
    .filter((element): element is Element => element !== undefined);
  if (found.length === 0) return null;
  let common: Cheerio<Element> = $page(found[0]!).parent() as Cheerio<Element>;
  for (const element of found.slice(1)) {
    while (common.length > 0 && common[0]!.name !== 'body' && !$page.contains(common[0]!, element)) common = common.parent() as Cheerio<Element>;
  }
  return common.length > 0 && !common.is('body, html') ? common[0]! : null;
}

/**
 * Sections next to Readability's element (and next to its ancestors, up to the page's article
 * boundary) that read like more of the article and are not in it yet, in page order.
 */
export function recoverSiblingSections(
  $page: CheerioAPI,
  $article: CheerioAPI,
  paragraphs: PageParagraphs,
  options: JudgeOptions = { lenient: false },
  // The caller may have found it already (recover.ts, for the holes inside it).
  source: Element | null = sourceElement($page, $article, paragraphs),
): RecoveredSections {
  const recovered: RecoveredSections = { before: [], after: [] };
  let element = source;
  let articleText = textKey($article.root().text());
  // Once one side meets a block that is not the article, the article ends there on that side,
  // at every level above too. Blocks before the story's start are its furniture as often as its
  // text (key points, author cards, "expert reviewed" badges, the headline block), so the judge
  // stops there at a headline, a credit label or chrome; a page builder that sets each section
  // in its own row loses its first sections without this side.
  const open = { before: true, after: true };
  for (let level = 0; level <= MAX_LEVELS && element && (open.before || open.after) && !$page(element).is('body, html'); level++) {
    for (const direction of ['before', 'after'] as const) {
      if (!open[direction]) continue;
      const { taken, stopped } = contiguousContent($page, element, direction, articleText, options);
      if (direction === 'before') recovered.before.unshift(...taken);
      else recovered.after.push(...taken);
      for (const section of taken) articleText += ` ${textKey(readableText(section))}`;
      if (stopped) open[direction] = false;
    }
    if ($page(element).is(ARTICLE_BOUNDARY)) break;
    element = element.parent?.type === 'tag' ? element.parent : null;
  }
  return recovered;
}

/** The blocks' HTML as the article gets it: what the reader does not see (or sees as markup) left out. */
export function sectionHtml($page: CheerioAPI, elements: readonly Element[]): string {
  return elements
    .map((element) => {
      const copy = $page(element).clone();
      // noscript holds markup as text here (no scripting): it would come out as "<img ...>".
      copy.find(`${HIDDEN}, noscript, script, style`).remove();
      return $page.html(copy);
    })
    .join('\n');
}

/** Adds the recovered sections around the article: their HTML, for the article filters to clean. */
export function addSections($page: CheerioAPI, $article: CheerioAPI, sections: RecoveredSections): number {
  if (sections.before.length > 0) $article.root().prepend(sectionHtml($page, sections.before));
  if (sections.after.length > 0) $article.root().append(sectionHtml($page, sections.after));
  return sections.before.length + sections.after.length;
}
