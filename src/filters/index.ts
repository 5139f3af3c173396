// src/filters/index.ts
// The filter registry: a read-only list whose order is the run order within each stage.

import type { ArticleFilter, Filter, PageFilter } from '../types.js';
import { duplicateCaptions, photoCredits, titleRepeats } from './captions.js';
import {
  adSlots, commentSections, consentBanners, navigationChrome, relatedBlocks, shareBars, subscribeBoxes,
} from './page-chrome.js';
import { relatedCards } from './related-cards.js';
import { trailingChrome } from './trailing-chrome.js';
import {
  adLabels, counters, loginPrompts, newsfeedLabels, sharePrompts, subscribePrompts, widgetLeftovers,
} from './widget-labels.js';

export const FILTERS: readonly Filter[] = [
  // Page stage: markup-level chrome, before Readability scores the page.
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
  duplicateCaptions,
  titleRepeats,
  relatedCards,
  subscribePrompts,
  newsfeedLabels,
  loginPrompts,
  sharePrompts,
  adLabels,
  widgetLeftovers,
  counters,
  trailingChrome,
];

export const FILTER_NAMES: readonly string[] = FILTERS.map((filter) => filter.name);

export function enabledFilters(disabled: readonly string[] = []): readonly Filter[] {
  const off = new Set(disabled);
  return FILTERS.filter((filter) => !off.has(filter.name));
}

export function pageFilters(filters: readonly Filter[]): PageFilter[] {
  return filters.filter((filter): filter is PageFilter => filter.stage === 'page');
}

export function articleFilters(filters: readonly Filter[]): ArticleFilter[] {
  return filters.filter((filter): filter is ArticleFilter => filter.stage === 'article');
}
