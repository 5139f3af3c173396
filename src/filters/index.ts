// src/filters/index.ts
// The filter registry: a read-only list whose order is the run order within each stage.

import type { Filter } from '../types.js';
import { authorBio } from './author-bio.js';
import { bylineLines } from './bylines.js';
import { captionBlocks, duplicateCaptions, photoCredits, titleRepeats } from './captions.js';
import { adSlots, commentSections, consentBanners, hiddenElements, navigationChrome, relatedBlocks, shareBars, subscribeBoxes } from './page-chrome.js';
import { standfirst } from './headline.js';
import { linkLists } from './link-lists.js';
import { legalNotices, promoParagraphs } from './promos.js';
import { relatedCards } from './related-cards.js';
import { teaserRails } from './teaser-rails.js';
import { trailingChrome } from './trailing-chrome.js';
import {
  adLabels,
  bareUrls,
  counters,
  tagLists,
  loginPrompts,
  newsfeedLabels,
  sharePrompts,
  subscribePrompts,
  widgetLeftovers,
  readingTimeLabels,
} from './widget-labels.js';

export const FILTERS: readonly Filter[] = [
  // Page stage: markup-level chrome, before Readability scores the page.
  hiddenElements,
  navigationChrome,
  subscribeBoxes,
  shareBars,
  commentSections,
  relatedBlocks,
  consentBanners,
  adSlots,
  // Article stage: what Readability keeps. Credits and captions first, so the label filters
  // below never see a caption twice.
  photoCredits,
  captionBlocks,
  duplicateCaptions,
  titleRepeats,
  standfirst,
  bylineLines,
  teaserRails,
  relatedCards,
  linkLists,
  promoParagraphs,
  legalNotices,
  subscribePrompts,
  newsfeedLabels,
  loginPrompts,
  sharePrompts,
  adLabels,
  widgetLeftovers,
  readingTimeLabels,
  counters,
  bareUrls,
  // After the prompts and labels: a bio box is found among the article's last blocks, which the
  // template's newsletter and comment prompts would otherwise fill.
  authorBio,
  tagLists,
  trailingChrome,
];

export const FILTER_NAMES: readonly string[] = FILTERS.map((filter) => filter.name);

export function enabledFilters(disabled: readonly string[] = []): readonly Filter[] {
  const off = new Set(disabled);
  return FILTERS.filter((filter) => !off.has(filter.name));
}

export function filtersOfStage(filters: readonly Filter[], stage: Filter['stage']): Filter[] {
  return filters.filter((filter) => filter.stage === stage);
}
