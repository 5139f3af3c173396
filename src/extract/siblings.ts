// src/extract/siblings.ts
// Readability keeps one subtree (its top candidate plus the siblings that score well), so an
// article split into sibling sections loses every section its scoring undervalues: the ones
// after an h2 made of lists, tables or short paragraphs, the FAQ at the end, the cards of a
// product round-up. This stage finds, on the page Readability read, the element its output came
// from, and takes back the neighbouring sections that read like more of the same article:
// prose, few links, no chrome markup. It stops at the first neighbour that is not.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { HIDDEN, hiddenByClass } from '../filters/page-chrome.js';
import { LEGAL_NOTICE } from '../filters/promos.js';
import { linkDensity } from '../filters/select-helpers.js';
import {
  AD_TOKENS,
  COMMENT_TOKENS,
  CONSENT_TOKENS,
  elementTokens,
  hasToken,
  NAV_TOKENS,
  RELATED_TOKENS,
  SHARE_TOKENS,
  SUBSCRIBE_TOKENS,
  tokenSet,
} from '../filters/tokens.js';
import { readableText } from '../text/dom-text.js';
import { collapseSpaces, countWords, textKey } from '../text/normalize.js';

/** Markup that is never more of the article, whatever it holds. */
const NEVER_CONTENT = new Set(['nav', 'aside', 'footer', 'form', 'button', 'select', 'iframe', 'script', 'style', 'noscript']);
/** Class/id words of blocks next to an article that are not article: the page-stage chrome, plus rails and bios. */
export const CHROME = tokenSet([
  ...NAV_TOKENS,
  ...SUBSCRIBE_TOKENS,
  ...SHARE_TOKENS,
  ...COMMENT_TOKENS,
  ...RELATED_TOKENS,
  ...CONSENT_TOKENS,
  ...AD_TOKENS,
  'sidebar',
  'rail',
  'footer',
  'author',
  'authors',
  'contributor',
  'profile',
  'bio',
  'byline',
  'tags',
  'toolbar',
  'meta',
  'breadcrumb',
  'pagination',
]);
/** A section that is more of the article has at least one sentence of prose this long. */
const MIN_PROSE_WORDS = 12;
const SENTENCE = /[.!?。！？…]["'”’»)]?(?:\s|$)/u;
const MAX_LINK_DENSITY = 0.25;
/** Less prose than this in a block without a heading is not worth the risk of taking it. */
const MIN_SECTION_CHARS = 150;
/** How far up from Readability's element to look for sibling sections (page builders nest deep). */
const MAX_LEVELS = 8;
/** The page's own article boundary: sections beyond it belong to the page, not the story. */
const ARTICLE_BOUNDARY = 'article, [itemprop="articleBody"], main, [role="main"], body';

export interface RecoveredSections {
  before: Element[];
  after: Element[];
}

function isChrome(element: Element): boolean {
  if (NEVER_CONTENT.has(element.name)) return true;
  return hasToken(elementTokens(element.attribs['class'] ?? '', element.attribs['id'] ?? ''), CHROME);
}

/** True when the block holds a sentence of prose: enough words, ending like a sentence. */
function hasProse($: CheerioAPI, element: Element): boolean {
  const leaves = $(element).find('p, li, dd, td, blockquote').toArray();
  const runs = leaves.length > 0 ? leaves.map((leaf) => readableText(leaf)) : [readableText(element)];
  return runs.some((run) => countWords(run) >= MIN_PROSE_WORDS && SENTENCE.test(run));
}

/** Lists of links (other posts, archives, blogrolls) are the page's, whatever prose sits around them. */
function hasLinkList($: CheerioAPI, element: Element): boolean {
  return $(element)
    .find('ul, ol')
    .toArray()
    .some((list) => $(list).children('li').length >= 3 && linkDensity($, $(list)) > 0.5);
}

/** A heading with a list or a table under it: a section of a guide, even without sentences. */
function isHeadedSection($: CheerioAPI, element: Element): boolean {
  const node = $(element);
  return node.find('h2, h3, h4').length > 0 && node.find('ul, ol, table, dl').length > 0;
}

/** noscript holds its markup as text here (no scripting): "<img src=…>" is not prose. */
function withoutNoscript($: CheerioAPI, element: Element): Element {
  if ($(element).find('noscript').length === 0) return element;
  const copy = $(element).clone();
  copy.find('noscript').remove();
  return copy[0]!;
}

type Verdict = 'content' | 'skip' | 'stop';

/** A neighbour is more of the article, an empty or media-only block to step over, or the end of the article. */
function judge($: CheerioAPI, element: Element, articleText: string): Verdict {
  // Readability skips hidden blocks (a hidden microdata copy of the story), and so does this.
  if ($(element).is(HIDDEN) || hiddenByClass(element.attribs['class'])) return 'skip';
  const text = collapseSpaces(readableText(withoutNoscript($, element)));
  if (text.length < 20) return 'skip';
  // A photo and its caption: captions live on images, and the image stage reads them there.
  if (element.name === 'figure' || element.name === 'picture' || ($(element).find('img, picture').length > 0 && text.length < MIN_SECTION_CHARS * 2))
    return 'skip';
  if (isChrome(element) || $(element).find('nav, form, aside').length > 0) return 'stop';
  if (articleText.includes(textKey(text))) return 'skip';
  if (linkDensity($, $(element)) > MAX_LINK_DENSITY || hasLinkList($, element)) return 'stop';
  // The site's small print (copyright, trademarks) ends the article.
  if (text.length < 500 && LEGAL_NOTICE.test(text)) return 'stop';
  // A section of the article: prose, or a headed list or table (what to buy, the steps, the specs).
  if (isHeadedSection($, element)) return 'content';
  // One short line between sections is a call to action or a widget's label more often than prose.
  if (hasProse($, element)) return text.length >= MIN_SECTION_CHARS ? 'content' : 'skip';
  return 'stop';
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
function contiguousContent($: CheerioAPI, element: Element, direction: 'before' | 'after', articleText: string): { taken: Element[]; stopped: boolean } {
  const taken: Element[] = [];
  let stopped = false;
  for (const sibling of siblingsOf(element, direction)) {
    const verdict = judge($, sibling, articleText);
    if (verdict === 'stop') {
      stopped = true;
      break;
    }
    if (verdict === 'content') taken.push(sibling);
  }
  return { taken: direction === 'before' ? taken.reverse() : taken, stopped };
}

/** The deepest element of the page holding every paragraph of the article that can be found there. */
export function sourceElement($page: CheerioAPI, $article: CheerioAPI): Element | null {
  const byText = new Map<string, Element>();
  for (const paragraph of $page('body p').toArray()) {
    const key = textKey(readableText(paragraph));
    if (key.length >= 40 && !byText.has(key)) byText.set(key, paragraph);
  }
  const found = $article('p')
    .toArray()
    .map((paragraph) => byText.get(textKey(readableText(paragraph))))
    .filter((element): element is Element => element !== undefined);
  if (found.length === 0) return null;
  let common: Cheerio<Element> = $page(found[0]!).parent() as Cheerio<Element>;
  for (const element of found.slice(1)) {
    while (common.length > 0 && !common.is('body') && !$page.contains(common[0]!, element)) common = common.parent() as Cheerio<Element>;
  }
  return common.length > 0 && !common.is('body, html') ? common[0]! : null;
}

/**
 * Sections next to Readability's element (and next to its ancestors, up to the page's article
 * boundary) that read like more of the article and are not in it yet, in page order.
 */
export function recoverSiblingSections($page: CheerioAPI, $article: CheerioAPI, sides: { before: boolean } = { before: false }): RecoveredSections {
  const recovered: RecoveredSections = { before: [], after: [] };
  let element = sourceElement($page, $article);
  let articleText = textKey($article.root().text());
  // Once one side meets a block that is not the article, the article ends there on that side,
  // at every level above too.
  // By default only what follows: blocks before the story's start are its furniture far more
  // often than its text (key points, pull quotes, claim boxes, author cards); the lede stage
  // (lede.ts) takes back a first paragraph left above the container. --favor-recall looks there too.
  const open = { before: sides.before, after: true };
  for (let level = 0; level <= MAX_LEVELS && element && (open.before || open.after) && !$page(element).is('body, html'); level++) {
    for (const direction of ['before', 'after'] as const) {
      if (!open[direction]) continue;
      const { taken, stopped } = contiguousContent($page, element, direction, articleText);
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

/** Adds the recovered sections around the article: their HTML, for the article filters to clean. */
export function addSections($page: CheerioAPI, $article: CheerioAPI, sections: RecoveredSections): number {
  const html = (elements: Element[]): string =>
    elements
      .map((element) => {
        const copy = $page(element).clone();
        // noscript holds markup as text here (no scripting): it would come out as "<img ...>".
        copy.find(`${HIDDEN}, noscript, script, style`).remove();
        return $page.html(copy);
      })
      .join('\n');
  if (sections.before.length > 0) $article.root().prepend(html(sections.before));
  if (sections.after.length > 0) $article.root().append(html(sections.after));
  return sections.before.length + sections.after.length;
}
