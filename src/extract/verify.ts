// src/extract/verify.ts
// Readability's top candidate is the block with the best score, and on a page whose story is short
// (a photo post, a brief under a big sidebar) that block can be the page's furniture: the footer's
// disclaimer, the sidebar's author card, a search widget's topic list, the comment thread. Trusting
// it blindly scores the page 0. This stage checks where the chosen block sits and what it says, and
// when it reads as furniture (furniture.ts), asks Readability for its next choice with that block gone, then
// falls back to the block under the page's own headline. A replacement must pass the same checks.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { HIDDEN } from '../filters/page-chrome.js';
import { linkDensity } from '../filters/select-helpers.js';
import { load } from '../parse/cheerio-load.js';
import { readableText } from '../text/dom-text.js';
import { collapseSpaces, textKey } from '../text/normalize.js';
import { assess, insideFurniture } from './furniture.js';
import { parentElement } from '../parse/select.js';
import type { PageParagraphs } from './page-paragraphs.js';
import type { ExtractedContent } from './readability.js';
import { withoutClimb } from './climb.js';

/**
 * The post under a headline often carries its share buttons and a list of related posts, which the
 * article filters remove later; only a block that is nearly all links is no story at all.
 */
const MAX_ROOT_LINK_DENSITY = 0.8;
/** A replacement needs this much text besides its headline to be a story at all. */
const MIN_STORY_CHARS = 120;
/** A heading must be this much of the title to be the page's headline. */
const MIN_TITLE_SHARE = 0.6;
/** How far up from the headline the block holding its story may be. */
const MAX_HEADLINE_LEVELS = 6;

export interface VerifyInputs {
  /** The filtered page, as Readability read it. */
  page: CheerioAPI;
  /** The page's paragraphs, read once (page-paragraphs.ts). */
  paragraphs: PageParagraphs;
  title: string | null;
  /** Readability again on the page without the given elements (a fresh parse each call), weighing `nbTopCandidates` blocks. */
  rerun: (without: readonly Element[], nbTopCandidates?: number) => ExtractedContent | null;
}

/** How much of the title a heading is: 1 for the title itself, 0 for an unrelated heading. */
function titleShare(heading: string, title: string): number {
  if (heading.length < 10) return 0;
  if (heading === title || heading.includes(title)) return 1;
  return title.includes(heading) ? heading.length / title.length : 0;
}

/**
 * The page's own headline: the h1-h3 outside the furniture that is most of the title. A heading
 * that is only part of it is usually the site's name from a "Site: Headline" title.
 */
function findHeadline($page: CheerioAPI, title: string | null): Element | null {
  const key = title ? textKey(title) : '';
  let best: { heading: Element; share: number } | null = null;
  for (const heading of $page('h1, h2, h3').toArray()) {
    if (heading.type !== 'tag') continue;
    const share = titleShare(textKey(readableText(heading)), key);
    if (share >= MIN_TITLE_SHARE && share > (best?.share ?? 0) && !insideFurniture(heading) && !$page(heading).is(HIDDEN)) best = { heading, share };
  }
  return best?.heading ?? null;
}

/** The nearest ancestor of the headline that holds a story besides it: the post it heads. */
function headlineRoot($page: CheerioAPI, headline: Element): Element | null {
  const headlineChars = collapseSpaces(readableText(headline)).length;
  let node = parentElement(headline);
  for (let level = 0; node && level < MAX_HEADLINE_LEVELS && node.name !== 'body'; level++) {
    if (insideFurniture(node)) return null;
    if (collapseSpaces(readableText(node)).length - headlineChars >= MIN_STORY_CHARS)
      return linkDensity($page, $page(node)) > MAX_ROOT_LINK_DENSITY ? null : node;
    node = parentElement(node);
  }
  return null;
}

function blockContent($page: CheerioAPI, root: Element, headline: Element): ExtractedContent {
  const copy = $page(root).clone();
  copy.find(`${HIDDEN}, nav, aside, footer, form, script, style, noscript`).remove();
  const headlineKey = textKey(readableText(headline));
  copy
    .find(headline.name)
    .filter((_, heading) => textKey($page(heading).text()) === headlineKey)
    .first()
    .remove();
  return {
    html: `<div>${$page.html(copy.contents())}</div>`,
    title: null,
    byline: null,
    excerpt: null,
    siteName: null,
    lang: null,
    publishedTime: null,
    method: 'headline-block',
  };
}

/**
 * No headline to anchor on (a title that is only the site's name, or one the headline words
 * differently) and the choice is a poll, a search form or a data table: Readability's next choice
 * with it gone, when that reads as a story of some length.
 * Other furniture reasons keep the first choice without an anchor: a post list or a block named
 * like a sidebar is the story on many pages whose title gives no headline to check against.
 */
function unanchored(content: ExtractedContent, holder: Element, inputs: VerifyInputs): ExtractedContent {
  const next = inputs.rerun([holder]);
  if (!next) return content;
  const again = assess(inputs.page, next, inputs.paragraphs);
  // Old layouts set the story and lists of other headlines in one cell; the article filters take
  // the lists out later, so links alone do not refuse it: the story's own words must be there.
  if (again.reason !== null && again.reason !== 'links') return content;
  const $next = load(next.html, null, false);
  $next('a').remove();
  return collapseSpaces($next.root().text()).length >= MIN_STORY_CHARS ? next : content;
}

/**
 * The block is another post of the page: it sits in an <article> whose own h1 is not the page's
 * headline, while the headline (the h1 that is the title) heads a story elsewhere. Pages that load
 * the next stories below the first (infinite scroll, a blog's front page of full posts) give
 * Readability several articles to choose from, and it takes the longest, not the page's own.
 */
function isNeighbourPost($page: CheerioAPI, source: Element, title: string | null): boolean {
  const post = $page(source).closest('article');
  if (post.length === 0 || title === null) return false;
  const titleKey = textKey(title);
  const headings = post.find('h1').toArray();
  return headings.length > 0 && headings.every((heading) => titleShare(textKey(readableText(heading)), titleKey) < MIN_TITLE_SHARE);
}

/**
 * The story under the page's own headline instead of a neighbouring post: Readability again with
 * the other posts (the page's other <article>s with an h1) hidden, when its choice then lies in
 * the headline's own <article>; else that article's block.
 */
function headlineStory(content: ExtractedContent, source: Element, inputs: VerifyInputs): ExtractedContent {
  const { page } = inputs;
  const headline = findHeadline(page, inputs.title);
  const own = headline?.name === 'h1' ? (page(headline).closest('article')[0] as Element | undefined) : undefined;
  if (!headline || !own || within(page, own, source)) return content;
  const others = page('article')
    .toArray()
    .filter((post) => post !== own && !within(page, post, own) && !within(page, own, post) && page(post).find('h1').length > 0);
  const next = inputs.rerun(others);
  if (next) {
    const again = assess(page, next, inputs.paragraphs);
    if (!again.reason && within(page, own, again.source)) return next;
  }
  const block = blockContent(page, own, headline);
  return assess(page, block, inputs.paragraphs).reason ? content : block;
}

const within = ($page: CheerioAPI, root: Element, element: Element | null): boolean => !!element && (root === element || $page.contains(root, element));

/**
 * The extraction, or a better one when it reads as furniture and the page's headline heads another
 * block: Readability's next choice with the furniture gone when that lands under the headline,
 * else the block under the headline itself. Without a headline to anchor on, nothing changes.
 */
export function verifyExtraction(content: ExtractedContent, inputs: VerifyInputs): ExtractedContent {
  const { page } = inputs;
  if (!content.method.startsWith('readability')) return content;
  const { reason, source } = assess(page, content, inputs.paragraphs);
  if (!reason) {
    if (source && isNeighbourPost(page, source, inputs.title)) return headlineStory(content, source, inputs);
    const headline = source ? findHeadline(page, inputs.title) : null;
    const root = headline ? headlineRoot(page, headline) : null;
    return source && root ? withoutClimb(content, source, { ...inputs, root }) : content;
  }
  const headline = findHeadline(page, inputs.title);
  const root = headline ? headlineRoot(page, headline) : null;
  // A poll or a data table goes whole: the form or table around the cell the block was found by.
  // Neither is ever the story, so they are replaced even without a headline to anchor on.
  const goesWhole = reason === 'form' || reason === 'table';
  const holder = source && goesWhole ? ((page(source).closest(reason)[0] as Element | undefined) ?? source) : source;
  if (!headline || !root) return holder && goesWhole ? unanchored(content, holder, inputs) : content;
  // Under the headline already: the block is the story, whatever its words (a table there is not).
  if (within(page, root, source) && reason !== 'table') return content;
  const next = holder ? inputs.rerun([holder]) : null;
  if (next) {
    const again = assess(page, next, inputs.paragraphs);
    if (!again.reason && within(page, root, again.source)) return next;
  }
  const block = blockContent(page, root, headline);
  const blockReason = assess(page, block, inputs.paragraphs).reason;
  return blockReason === 'notice' || blockReason === 'furniture' ? content : block;
}
