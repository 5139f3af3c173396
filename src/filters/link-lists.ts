// src/filters/link-lists.ts
// Lists whose every item is one link to a headline ("More Great Stories", "Related coverage"):
// recirculation, not article text. Lists of facts, steps or sources keep their prose and stay.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Filter, FilterContext } from '../types.js';
import { NEWSFEED_LINE, RELATED_LINE, SENTENCE_END, STORY_LIST_HEADING } from './patterns.js';
import { blockText, linkDensity } from './select-helpers.js';
import { isOwnSiteLink } from './site.js';

const MIN_ITEMS = 2;
/** A headline has a few words; one-word items are tag clouds or menus, which other filters handle. */
const MIN_AVERAGE_WORDS = 3;
const MAX_HEADING_WORDS = 8;

/** Recirculation links stay on the site; shopping or source links leave it. */
function linksStayOnSite($: CheerioAPI, group: Element[], ctx: FilterContext): boolean {
  const hrefs = $(group)
    .find('a[href]')
    .toArray()
    .map((link) => link.attribs['href'] ?? '');
  return hrefs.filter((href) => isOwnSiteLink(href, ctx)).length * 2 >= hrefs.length;
}

/** Lists side by side form one group: some sites put each related link in a list of its own. */
function listGroups($: CheerioAPI): Element[][] {
  const groups: Element[][] = [];
  for (const list of $('ul, ol').toArray()) {
    const last = groups[groups.length - 1];
    const previous = $(list).prev()[0];
    if (last && previous === last[last.length - 1]) last.push(list);
    else groups.push([list]);
  }
  return groups;
}

function isHeadlineList($: CheerioAPI, group: Element[]): boolean {
  const items = group.flatMap((list) => $(list).children('li').toArray());
  if (items.length < MIN_ITEMS) return false;
  const texts = items.map((item) => blockText($, item));
  const words = texts.reduce((sum, text) => sum + text.split(' ').length, 0) / items.length;
  return (
    words >= MIN_AVERAGE_WORDS &&
    items.every((item) => $(item).find('a').length > 0 && linkDensity($, $(item)) >= 0.9) &&
    texts.every((text) => !SENTENCE_END.test(text))
  );
}

/** The short label right before the list ("More stories from Example") goes with it. */
function headingBefore($: CheerioAPI, list: Element): Element | null {
  const previous = $(list).prev()[0];
  if (!previous) return null;
  const text = blockText($, previous);
  const short = text !== '' && text.split(' ').length <= MAX_HEADING_WORDS && !SENTENCE_END.test(text);
  const named = RELATED_LINE.test(text) || NEWSFEED_LINE.test(text) || STORY_LIST_HEADING.test(text);
  return short && (named || $(previous).is('h2, h3, h4, h5, h6, strong')) ? previous : null;
}

function selectLinkLists($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  return listGroups($)
    .filter((group) => isHeadlineList($, group) && linksStayOnSite($, group, ctx))
    .flatMap((group) => [headingBefore($, group[0]!), ...group].filter((node): node is Element => node !== null));
}

export const linkLists: Filter = {
  name: 'link-lists',
  stage: 'article',
  maxShare: 0.5,
  reason: 'a list whose every item is a link to a headline on the same site points to other stories',
  select: selectLinkLists,
};
