// src/filters/headline.ts
// The headline block Readability sometimes keeps above the story: the title again (often a
// variant of it) and the standfirst, a one-sentence summary set as a heading. The title is the
// `title` field and the standfirst duplicates the excerpt; neither is body text.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { textKey } from '../text/normalize.js';
import type { Filter, FilterContext } from '../types.js';
import { blockText } from './select-helpers.js';

/** A section heading is short; a standfirst is a sentence. */
const MIN_STANDFIRST_WORDS = 8;
/** Share of the heading's words found in the title for it to count as a variant of the title. */
const TITLE_OVERLAP = 0.7;
/** A run of the title's words this long is its headline, not a section heading that shares a word or two. */
const MIN_SEGMENT_WORDS = 4;

function words(text: string): string[] {
  return textKey(text).split(' ').filter(Boolean);
}

export function isTitleVariant(text: string, title: string | null): boolean {
  if (!title) return false;
  const own = words(text);
  const titleList = words(title);
  const titleWords = new Set(titleList);
  if (own.length === 0 || titleWords.size === 0) return false;
  const shared = own.filter((word) => titleWords.has(word)).length;
  if (shared / own.length >= TITLE_OVERLAP && shared / titleWords.size >= TITLE_OVERLAP) return true;
  // The headline as one segment of a title that also carries the site's names ("Site - Headline - Site, Shows").
  return own.length >= MIN_SEGMENT_WORDS && ` ${titleList.join(' ')} `.includes(` ${own.join(' ')} `);
}

/** True when every word of `text` is a word of the title: the title itself, or one of its segments. */
export function isTitleOrSegment(text: string, title: string | null): boolean {
  const own = words(text);
  const titleWords = new Set(words(title ?? ''));
  return own.length > 0 && own.every((word) => titleWords.has(word));
}

/** Headings that come before the first paragraph of the article. */
function leadingHeadings($: CheerioAPI): Element[] {
  const headings: Element[] = [];
  for (const element of $('h1, h2, h3, h4, p').toArray()) {
    if (blockText($, element) === '') continue;
    if (element.name === 'p') break;
    headings.push(element);
  }
  return headings;
}

/**
 * Only a standfirst that repeats the page's description goes: one that says something of its
 * own is the story's first paragraph set large (the lede), and readers read it as such.
 */
function selectStandfirst($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  return leadingHeadings($).filter((element) => {
    const text = blockText($, element);
    if (isTitleVariant(text, ctx.title) || words(text).length < MIN_STANDFIRST_WORDS) return false;
    return isTitleVariant(text, ctx.description ?? null);
  });
}

export const standfirst: Filter = {
  name: 'standfirst',
  stage: 'article',
  reason: 'a sentence-long heading above the first paragraph that repeats the page description is the standfirst (dek), already the excerpt field',
  select: selectStandfirst,
};
