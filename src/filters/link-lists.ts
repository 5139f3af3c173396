// src/filters/link-lists.ts
// Lists whose every item is one link to a headline ("More Great Stories", "Related coverage"):
// recirculation, not article text. Lists of facts, steps or sources keep their prose and stay.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Filter, FilterContext } from '../types.js';
import { NEWSFEED_LINE, RELATED_LINE, STORY_LIST_HEADING } from './patterns.js';
import { blockText, linkDensity } from './select-helpers.js';

const MIN_ITEMS = 2;
/** A headline has a few words; one-word items are tag clouds or menus, which other filters handle. */
const MIN_AVERAGE_WORDS = 3;
const MAX_HEADING_WORDS = 8;
const SENTENCE_END = /[.!?。！？]["'”’»)]*$/u;

/** The site part of a host: "www.news.example.com" -> "example.com". */
function siteOf(host: string): string {
  return host.replace(/^www\d?\./, '').split('.').slice(-2).join('.');
}

/**
 * Recirculation links stay on the site; shopping or source links leave it. Without a known
 * address (or with relative links) a link counts as the site's own.
 */
function linksStayOnSite($: CheerioAPI, list: Element, ctx: FilterContext): boolean {
  if (!ctx.url) return true;
  const site = siteOf(new URL(ctx.url).hostname);
  const hrefs = $(list).find('a[href]').toArray().map((link) => link.attribs['href'] ?? '');
  const own = hrefs.filter((href) => {
    try {
      return siteOf(new URL(href, ctx.url!).hostname) === site;
    } catch {
      return true;
    }
  });
  return own.length * 2 >= hrefs.length;
}

function isHeadlineList($: CheerioAPI, list: Element): boolean {
  const items = $(list).children('li').toArray();
  if (items.length < MIN_ITEMS) return false;
  const texts = items.map((item) => blockText($, item));
  const words = texts.reduce((sum, text) => sum + text.split(' ').length, 0) / items.length;
  return (
    words >= MIN_AVERAGE_WORDS &&
    items.every((item) => $(item).find('a').length > 0 && linkDensity($, $(item)) >= 0.9) &&
    texts.every((text) => !SENTENCE_END.test(text))
  );
}

/** The short label right before the list ("More Great WIRED Stories") goes with it. */
function headingBefore($: CheerioAPI, list: Element): Element | null {
  const previous = $(list).prev()[0];
  if (!previous) return null;
  const text = blockText($, previous);
  const short = text !== '' && text.split(' ').length <= MAX_HEADING_WORDS && !SENTENCE_END.test(text);
  const named = RELATED_LINE.test(text) || NEWSFEED_LINE.test(text) || STORY_LIST_HEADING.test(text);
  return short && (named || $(previous).is('h2, h3, h4, h5, h6, strong')) ? previous : null;
}

function selectLinkLists($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  return $('ul, ol')
    .toArray()
    .filter((list) => isHeadlineList($, list) && linksStayOnSite($, list, ctx))
    .flatMap((list) => [headingBefore($, list), list].filter((node): node is Element => node !== null));
}

export const linkLists: Filter = {
  name: 'link-lists',
  stage: 'article',
  reason: 'a list whose every item is a link to a headline on the same site points to other stories',
  select: selectLinkLists,
};
