// src/filters/page-chrome.ts
// Page-stage filters: page chrome recognised by markup (tags, roles, class and id tokens),
// removed before Readability scores the page so it never competes with the article.

import type { PageFilter } from '../types.js';
import { selectByTokens } from './page-helpers.js';
import {
  AD_TOKENS, COMMENT_TOKENS, CONSENT_TOKENS, NAV_TOKENS, RELATED_TOKENS, SHARE_TOKENS, SUBSCRIBE_TOKENS, tokenSet,
} from './tokens.js';

const NAV_SET = tokenSet(NAV_TOKENS);
const SUBSCRIBE_SET = tokenSet(SUBSCRIBE_TOKENS);
const SHARE_SET = tokenSet(SHARE_TOKENS);
const COMMENT_SET = tokenSet(COMMENT_TOKENS);
const RELATED_SET = tokenSet(RELATED_TOKENS);
const CONSENT_SET = tokenSet(CONSENT_TOKENS);
const AD_SET = tokenSet(AD_TOKENS);

export const navigationChrome: PageFilter = {
  name: 'navigation-chrome',
  stage: 'page',
  reason: 'site navigation, menus and breadcrumbs link to other pages; they are never article text',
  select: (doc) => [
    ...doc.querySelectorAll('nav, [role="navigation"], [role="menubar"], [role="search"], [aria-label*="breadcrumb" i]'),
    ...selectByTokens(doc, NAV_SET),
  ],
};

export const subscribeBoxes: PageFilter = {
  name: 'subscribe-boxes',
  stage: 'page',
  reason: 'subscription, newsletter and paywall boxes advertise the site, not the story',
  select: (doc) => selectByTokens(doc, SUBSCRIBE_SET),
};

export const shareBars: PageFilter = {
  name: 'share-bars',
  stage: 'page',
  reason: 'share and follow bars are buttons for social networks',
  select: (doc) => selectByTokens(doc, SHARE_SET),
};

export const commentSections: PageFilter = {
  name: 'comment-sections',
  stage: 'page',
  reason: 'comments, discussion threads and login prompts are written by readers or by the widget, not the author',
  select: (doc) => selectByTokens(doc, COMMENT_SET),
};

export const relatedBlocks: PageFilter = {
  name: 'related-blocks',
  stage: 'page',
  reason: 'related, recommended, most-read and newsfeed rails list other stories',
  select: (doc) => selectByTokens(doc, RELATED_SET),
};

export const consentBanners: PageFilter = {
  name: 'consent-banners',
  stage: 'page',
  reason: 'cookie and consent banners are legal notices of the site',
  select: (doc) => selectByTokens(doc, CONSENT_SET),
};

export const adSlots: PageFilter = {
  name: 'ad-slots',
  stage: 'page',
  reason: 'ad slots and sponsored promos are advertising',
  select: (doc) => selectByTokens(doc, AD_SET),
};
