// src/filters/teaser-rails.ts
// A rail of story teasers under a label ("Recent Posts", "Related stories", "Lesen Sie auch"):
// each teaser a linked headline with a date or a one-line summary. When Readability's block is
// wide enough to hold a sidebar, the rail comes with it, and its summaries read like prose, so
// neither the link-list filter (every item one link) nor the card filter (a headline alone)
// takes the whole of it.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Filter, FilterContext } from '../types.js';
import { NEWSFEED_LINE, RELATED_LINE, SENTENCE_END, STORY_LIST_HEADING } from './patterns.js';
import { shortBlockText } from './select-helpers.js';
import { isOwnSiteLink } from './site.js';

/** A label is a few words; a longer heading is a section of the story. */
const MAX_LABEL_CHARS = 60;
/** A teaser is a headline plus a line or two: a block longer than this is an article's section. */
const MAX_TEASER_CHARS = 400;
/** Headlines have a few words and no full stop. */
const MIN_HEADLINE_WORDS = 3;
/** One teaser after a label could be a "see also" the author wrote; a rail has several. */
const MIN_TEASERS = 2;

function isRailLabel(element: Element): boolean {
  if (!/^(?:h[2-6]|p|div|strong)$/.test(element.name)) return false;
  const text = shortBlockText(element, MAX_LABEL_CHARS);
  return text !== null && text !== '' && (STORY_LIST_HEADING.test(text) || RELATED_LINE.test(text) || NEWSFEED_LINE.test(text));
}

/** A teaser: short, and its headline (the text of a heading, or its first link) links to another page of the site. */
function isTeaser($: CheerioAPI, element: Element, ctx: FilterContext): boolean {
  if (shortBlockText(element, MAX_TEASER_CHARS) === null) return false;
  const node = $(element);
  const link = node.find('h2 a[href], h3 a[href], h4 a[href], h5 a[href], h6 a[href]').first();
  const headline = link.length > 0 ? link : node.find('a[href]').first();
  if (headline.length === 0 || !isOwnSiteLink(headline.attr('href') ?? '', ctx)) return false;
  const text = shortBlockText(headline[0]!, MAX_TEASER_CHARS) ?? '';
  return text.split(' ').length >= MIN_HEADLINE_WORDS && !SENTENCE_END.test(text);
}

/** A run of picture teasers needs no label: three summarised cards in a row are a rail by their shape. */
const MIN_PICTURE_TEASERS = 3;
const PICTURE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;
const CARD_HOLDERS = new Set(['div', 'li', 'article', 'section']);

/** The page's own address without its query: a picture linking under it opens one of its photos. */
function pagePath(ctx: FilterContext): string | null {
  if (!ctx.url) return null;
  try {
    const url = new URL(ctx.url);
    return `${url.origin}${url.pathname}`;
  } catch {
    return null;
  }
}

/** A card without its summary holds a date at most. */
const MAX_BARE_CARD_CHARS = 60;

type PictureCard = 'summary' | 'bare' | null;

/**
 * A picture teaser: a card whose one link is a picture leading to another page of the site,
 * with a one-sentence summary (and maybe a date) that links nowhere, or with no more than a date.
 * A photo of the story links to the picture file or to a page under the story's own address; an
 * entry of a ranked list (a name, a maker, a score) is no sentence.
 */
function pictureCard($: CheerioAPI, element: Element, ctx: FilterContext): PictureCard {
  if (!CARD_HOLDERS.has(element.name)) return null;
  const text = shortBlockText(element, MAX_TEASER_CHARS);
  if (text === null || !isPictureLink($, element, ctx)) return null;
  if (SENTENCE_END.test(text)) return 'summary';
  return text.length <= MAX_BARE_CARD_CHARS ? 'bare' : null;
}

function isPictureLink($: CheerioAPI, element: Element, ctx: FilterContext): boolean {
  const hrefs = new Set(
    $(element)
      .find('a[href]')
      .toArray()
      .map((link) => (link.attribs['href'] ?? '').split('#')[0]!),
  );
  const [href] = [...hrefs];
  if (hrefs.size !== 1 || !href || PICTURE_FILE.test(href) || !isOwnSiteLink(href, ctx)) return false;
  const own = pagePath(ctx);
  let target = href;
  try {
    target = new URL(href, ctx.url ?? undefined).href;
  } catch {
    // A relative link on a page without an address: compared as written.
  }
  if (own && target.startsWith(own)) return false;
  return $(element).find('a[href] img').length > 0;
}

/** Runs of three or more picture teasers side by side, with the short label before them. */
function pictureRails($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  const picked: AnyNode[] = [];
  const seen = new Set<Element>();
  for (const first of $('div, li, article, section').toArray()) {
    if (seen.has(first) || pictureCard($, first, ctx) === null) continue;
    const run: Element[] = [];
    let summaries = 0;
    for (let card = $(first); card.length > 0; card = card.next()) {
      const kind = pictureCard($, card[0]!, ctx);
      if (kind === null) break;
      run.push(card[0]!);
      if (kind === 'summary') summaries++;
    }
    for (const card of run) seen.add(card);
    if (summaries < MIN_PICTURE_TEASERS) continue;
    const label = $(first).prev()[0];
    const labelText = label ? shortBlockText(label, MAX_LABEL_CHARS) : null;
    if (label && labelText && !SENTENCE_END.test(labelText)) picked.push(label);
    picked.push(...run);
  }
  return picked;
}

function selectRails($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  const picked: AnyNode[] = [...pictureRails($, ctx)];
  for (const label of $('h2, h3, h4, h5, h6, p, div, strong').toArray()) {
    if (!isRailLabel(label)) continue;
    const teasers: Element[] = [];
    for (let sibling = $(label).next(); sibling.length > 0 && isTeaser($, sibling[0]!, ctx); sibling = sibling.next()) teasers.push(sibling[0]!);
    if (teasers.length >= MIN_TEASERS) picked.push(label, ...teasers);
  }
  return picked;
}

export const teaserRails: Filter = {
  name: 'teaser-rails',
  stage: 'article',
  maxShare: 0.5,
  reason: 'a labelled rail of teasers (a linked headline with its date or summary) lists other stories',
  select: selectRails,
};
