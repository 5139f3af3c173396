// src/filters/widget-labels.ts
// Article-stage filters for widget labels Readability keeps: a block (or dump line) whose whole
// text is one known widget phrase. Prose that merely mentions the word is never touched.

import type { Filter } from '../types.js';
import {
  STORY_LIST_HEADING,
  TAG_LIST,
  AD_LABEL_LINE,
  READING_TIME_LINE,
  COUNTER_LINE,
  VIEW_COUNT_LINE,
  LEFTOVER_LINE,
  LOGIN_LINE,
  NEWSFEED_LINE,
  SHARE_LINE,
  SUBSCRIBE_LINE,
} from './patterns.js';
import { blockText, linesMatching, selectWholeText } from './select-helpers.js';
import { isOwnSiteLink } from './site.js';
import { selectTopicLinkLines } from './tag-links.js';

function labelFilter(name: string, reason: string, pattern: RegExp): Filter {
  return {
    name,
    reason,
    stage: 'article',
    select: ($) => selectWholeText($, pattern),
    selectLines: linesMatching(pattern),
  };
}

export const subscribePrompts = labelFilter(
  'subscribe-prompts',
  'a "Subscribe" or newsletter call to action is a site widget, not article text',
  SUBSCRIBE_LINE,
);

export const newsfeedLabels = labelFilter(
  'newsfeed-labels',
  'a "Newsfeed", "Most read" or "Related post:" heading belongs to a list of other stories',
  // A story-list heading left alone once its list went is the same label.
  new RegExp(`${NEWSFEED_LINE.source}|${STORY_LIST_HEADING.source}`, 'iu'),
);

export const loginPrompts = labelFilter('login-prompts', 'login, register and comment prompts come from the discussion widget', LOGIN_LINE);

export const widgetLeftovers = labelFilter('widget-leftovers', 'loader, chat and "show more" labels are what is left of scripted widgets', LEFTOVER_LINE);

export const readingTimeLabels = labelFilter(
  'reading-time-labels',
  'a "5 min read" label estimates the length of the article; it is not part of it',
  READING_TIME_LINE,
);

export const sharePrompts = labelFilter('share-prompts', 'share and follow labels are social buttons', SHARE_LINE);

export const adLabels = labelFilter('ad-labels', 'an "Advertisement" label marks an ad slot, not text', AD_LABEL_LINE);

/** A view counter is a short line: two counts and their words at most. */
const MAX_VIEW_COUNT_CHARS = 60;

/** Numbers that count up (1, 2, 3…) are the numbering of a listicle, not counters. */
function outsideSequences(numbers: ReadonlyArray<{ value: number }>, position: number): boolean {
  const value = numbers[position]?.value ?? NaN;
  const neighbours = [numbers[position - 1]?.value, numbers[position + 1]?.value];
  return !neighbours.some((other) => other !== undefined && Math.abs(other - value) === 1);
}

export const counters: Filter = {
  name: 'counters',
  stage: 'article',
  reason: 'a bare number, "3 of 12" or "1,204 views" is a comment, view or gallery counter',
  select: ($) => {
    const found = selectWholeText($, COUNTER_LINE, 24).map((node) => ({ node, value: Number(blockText($, node)) }));
    const numbers = found.filter((_, position) => outsideSequences(found, position)).map(({ node }) => node);
    return [...numbers, ...selectWholeText($, VIEW_COUNT_LINE, MAX_VIEW_COUNT_CHARS)];
  },
  selectLines: (lines) => {
    const found = lines.filter((line) => COUNTER_LINE.test(line.text)).map((line) => ({ index: line.index, value: Number(line.text) }));
    const numbers = found.filter((_, position) => outsideSequences(found, position)).map(({ index }) => index);
    const views = lines.filter((line) => line.text.length <= MAX_VIEW_COUNT_CHARS && VIEW_COUNT_LINE.test(line.text)).map((line) => line.index);
    return [...numbers, ...views];
  },
};

/** A block that is nothing but a web address: a share or canonical link printed as text. */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/iu;

/** "www.example.org" is a host, not a path relative to the page. */
function asAbsolute(text: string): string {
  return /^www\./i.test(text) ? `http://${text}` : text;
}

/** Only the site's own addresses: a bare link to a shop or a source is part of what the author wrote. */
export const bareUrls: Filter = {
  name: 'bare-urls',
  stage: 'article',
  reason: 'a block that is only a URL of the site itself is a printed share or permalink, not prose',
  select: ($, ctx) => selectWholeText($, BARE_URL).filter((node) => isOwnSiteLink(asAbsolute(blockText($, node)), ctx)),
  selectLines: (lines, ctx) => lines.filter((line) => BARE_URL.test(line.text) && isOwnSiteLink(asAbsolute(line.text), ctx)).map((line) => line.index),
};

/**
 * Tag lists are short comma-separated topics; the cap keeps a paragraph that starts with "Topics"
 * safe. Lines of rel="tag" links are the same list whatever words stand around them (tag-links.ts).
 */
export const tagLists: Filter = {
  name: 'tag-lists',
  stage: 'article',
  reason: 'a "Tags: a, b, c" line lists the CMS topics of the page, not article text',
  select: ($) => [
    ...selectWholeText($, TAG_LIST, 420).filter((node) => blockText($, node).split(',').length >= 2 || $(node).find('a').length >= 2),
    // Unlabelled or run into a date: the links' rel="tag" says what the line is.
    ...selectTopicLinkLines($),
  ],
  selectLines: (lines) => lines.filter((line) => TAG_LIST.test(line.text) && line.text.split(',').length >= 2).map((line) => line.index),
};
