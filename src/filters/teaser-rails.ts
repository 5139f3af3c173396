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

function selectRails($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  const picked: AnyNode[] = [];
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
