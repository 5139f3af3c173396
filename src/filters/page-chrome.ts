// src/filters/page-chrome.ts
// Page-stage filters: page chrome recognised by markup (tags, roles, class and id tokens),
// removed before Readability scores the page so it never competes with the article.
// Hidden elements go first: Readability would skip them anyway, and jsdom need not build them.

import type { Element } from 'domhandler';
import type { Filter } from '../types.js';
import { holdsStory, selectByTokens, selectChromeByTokens } from './page-helpers.js';
import { AD_TOKENS, COMMENT_TOKENS, CONSENT_TOKENS, NAV_TOKENS, RELATED_TOKENS, SHARE_TOKENS, SUBSCRIBE_TOKENS, tokenSet } from './tokens.js';
import { compileSelector, findElements, hasElement } from '../parse/select.js';

const NAV_SET = tokenSet(NAV_TOKENS);
const SUBSCRIBE_SET = tokenSet(SUBSCRIBE_TOKENS);
const SHARE_SET = tokenSet(SHARE_TOKENS);
const COMMENT_SET = tokenSet(COMMENT_TOKENS);
const RELATED_SET = tokenSet(RELATED_TOKENS);
const CONSENT_SET = tokenSet(CONSENT_TOKENS);
const AD_SET = tokenSet(AD_TOKENS);
const IS_BLOCKQUOTE = compileSelector('blockquote');
const EMBEDDED_POST = /embed|tweet|instagram|post/i;

/** The attribute and inline-style tests Readability itself uses to skip invisible nodes. */
export const HIDDEN =
  '[hidden], [aria-hidden="true"], [style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [style*="visibility: hidden" i]';

/**
 * Class names that mean "not shown" in the common CSS frameworks, CMS themes and news design
 * systems (Bootstrap, Tailwind, WordPress, "off-screen"): a site hides machine-readable copies
 * (ISO timestamps, URLs for microdata) or screen-reader-only labels ("Media caption") with them,
 * not with an inline style. Whole class names only: "hidden-xs" and "hidden-mobile" hide on
 * some screens and show on others.
 */
const HIDDEN_CLASSES = new Set([
  'hidden',
  'd-none',
  'is-hidden',
  'u-hidden',
  'visually-hidden',
  'visuallyhidden',
  'sr-only',
  'screen-reader-text',
  'off-screen',
  'offscreen',
  'element-invisible',
  'invisible',
]);

export function hiddenByClass(className: string | undefined): boolean {
  return (className ?? '').split(/\s+/).some((name) => HIDDEN_CLASSES.has(name.toLowerCase()));
}

/** HIDDEN as a test of one element, compiled once (a selector run for every element cost more than the rest of the test). */
const IS_HIDDEN = compileSelector(HIDDEN);

/** Hidden by an attribute, an inline style or a framework class: what `hidden-elements` removes. */
export function isHiddenElement(element: Element): boolean {
  return IS_HIDDEN(element) || hiddenByClass(element.attribs['class']);
}

/** Readability keeps aria-hidden "fallback-image" nodes, and so do we. */
function isFallbackImage(element: Element): boolean {
  return (element.attribs['class'] ?? '').split(/\s+/).includes('fallback-image');
}

export const hiddenElements: Filter = {
  name: 'hidden-elements',
  stage: 'page',
  reason: 'hidden elements (hidden, aria-hidden, display:none, or a framework class such as "hidden" or "sr-only") are not shown to readers',
  select: ($) =>
    $('body')
      .toArray()
      .flatMap((body) => findElements(body, (element) => isHiddenElement(element) && !isFallbackImage(element))),
};

export const navigationChrome: Filter = {
  name: 'navigation-chrome',
  stage: 'page',
  maxShare: 0.5,
  reason: 'site navigation, menus and breadcrumbs link to other pages; they are never article text',
  select: ($) => [
    ...$('body nav, [role="navigation"], [role="menubar"], [role="search"], [aria-label*="breadcrumb" i]').toArray(),
    ...selectChromeByTokens($, NAV_SET),
  ],
};

export const subscribeBoxes: Filter = {
  name: 'subscribe-boxes',
  stage: 'page',
  maxShare: 0.5,
  reason: 'subscription, newsletter and paywall boxes advertise the site, not the story',
  // A paywall wrapper around the story itself ("paywall-container" holding every paragraph the
  // subscriber reads) is the article, not a box that advertises it.
  select: ($) => selectByTokens($, SUBSCRIBE_SET).filter((element) => !holdsStory($, element)),
};

export const shareBars: Filter = {
  name: 'share-bars',
  stage: 'page',
  maxShare: 0.5,
  reason: 'share and follow bars are buttons for social networks',
  // An embedded post ("social-media-embed" around a tweet) is content quoted by the author, not a bar.
  select: ($) =>
    selectChromeByTokens($, SHARE_SET).filter((element) => !EMBEDDED_POST.test(element.attribs['class'] ?? '') && !hasElement(element, IS_BLOCKQUOTE)),
};

export const commentSections: Filter = {
  name: 'comment-sections',
  stage: 'page',
  reason: 'comments, discussion threads and login prompts are written by readers or by the widget, not the author',
  select: ($) => selectByTokens($, COMMENT_SET),
};

export const relatedBlocks: Filter = {
  name: 'related-blocks',
  stage: 'page',
  reason: 'related, recommended, most-read and newsfeed rails list other stories',
  select: ($) => selectChromeByTokens($, RELATED_SET),
};

export const consentBanners: Filter = {
  name: 'consent-banners',
  stage: 'page',
  maxShare: 0.5,
  reason: 'cookie and consent banners are legal notices of the site',
  select: ($) => selectChromeByTokens($, CONSENT_SET),
};

export const adSlots: Filter = {
  name: 'ad-slots',
  stage: 'page',
  maxShare: 0.5,
  reason: 'ad slots and sponsored promos are advertising',
  select: ($) => selectChromeByTokens($, AD_SET),
};
