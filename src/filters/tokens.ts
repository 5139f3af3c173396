// src/filters/tokens.ts
// class/id vocabulary of page chrome, grouped by concept. A class or id is split into tokens on
// anything that is not a letter or digit ("article-share-bar" -> article, share, bar), and a
// group matches when one token is in it, so "shared-story" never matches "share".

/** Site navigation, menus, breadcrumbs, skip links and pagers. */
export const NAV_TOKENS = [
  'nav',
  'navbar',
  'navigation',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'skiplink',
  'pagination',
  'pager',
  'topbar',
  'masthead',
] as const;

/** Subscription, newsletter and paywall boxes. */
export const SUBSCRIBE_TOKENS = [
  'subscribe',
  'subscription',
  'subscriptions',
  'newsletter',
  'newsletters',
  'signup',
  'optin',
  'mailinglist',
  'paywall',
  'regwall',
  'piano',
] as const;

/** Share and follow bars. */
export const SHARE_TOKENS = ['share', 'shares', 'sharing', 'sharebar', 'sharetools', 'social', 'socials', 'addthis', 'sharethis', 'follow'] as const;

/** Comments, discussion and login prompts. */
export const COMMENT_TOKENS = ['comment', 'comments', 'commenting', 'disqus', 'discussion', 'discuss', 'login', 'signin', 'auth', 'reply', 'replies'] as const;

/** Lists of other stories: related, recommended, most read, newsfeeds and recirculation widgets. */
export const RELATED_TOKENS = [
  'related',
  'recommended',
  'recommendations',
  'recommend',
  'readmore',
  'mostread',
  'mostpopular',
  'popular',
  'trending',
  'newsfeed',
  'feed',
  'outbrain',
  'taboola',
  'recirculation',
  'recirc',
  'morestories',
  'teasers',
  'latest',
  // Blog sidebars' story lists, as one word once "recent-posts" is joined.
  'recentposts',
  'latestposts',
  'featuredposts',
  'popularposts',
  'relatedposts',
] as const;

/** Cookie and consent banners. */
export const CONSENT_TOKENS = ['cookie', 'cookies', 'consent', 'gdpr', 'privacy'] as const;

/** Ad slots. */
export const AD_TOKENS = [
  'ad',
  'ads',
  'adv',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'adslot',
  'adunit',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'promo',
  'banner',
] as const;

/** Photo credit containers. */
export const CREDIT_TOKENS = ['credit', 'credits', 'copyright', 'photographer', 'byline-photo', 'source'] as const;

export type TokenSet = ReadonlySet<string>;

export function tokenSet(tokens: readonly string[]): TokenSet {
  if (tokens.length === 0) throw new Error('tokenSet: an empty group would match nothing useful');
  return new Set(tokens);
}

/** The class and id tokens of an element, lower-cased; "readMore" splits like "read-more". */
export function elementTokens(className: string, id: string): string[] {
  const words = `${className} ${id}`.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const parts = words.split(/[^a-z0-9]+/).filter(Boolean);
  // Also join neighbours so "read-more" and "most-read" match their one-word forms.
  const joined = parts.slice(1).map((part, index) => `${parts[index]}${part}`);
  return [...parts, ...joined];
}

export function hasToken(tokens: readonly string[], set: TokenSet): boolean {
  return tokens.some((token) => set.has(token));
}
