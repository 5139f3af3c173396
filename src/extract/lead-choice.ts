// src/extract/lead-choice.ts
// Which picture leads the article. The declared one (og:image…) unless its file names site
// furniture (a logo, an icon, a default sharing card, a spacer) that the page does not show;
// then, as when nothing is declared, the article's first picture that is no such furniture.

import type { ImageInfo } from '../types.js';

/** File-name words of site furniture, matched as whole words ("icon", not "silicon"). */
const FURNITURE_WORDS = new Set([
  'icon',
  'icons',
  'favicon',
  'clear',
  'dotclear',
  'blank',
  'empty',
  'spacer',
  'pixel',
  'default',
  'defaultog',
  'fallback',
  'btn',
  'rss',
  'badge',
  'avatar',
  'blavatar',
  'sprite',
  'placeholder',
  'headshot',
]);
/** Longer words that also name furniture inside a run-together name ("shoplogo", "mytakebutton", "utbullet"); "analogous" is no logo. */
const FURNITURE_PARTS = /(?<!a)logo|button|bullet|favicon|gravatar/;
/** Folders of site furniture: byline headshots, icons, logos, emoticons. */
const FURNITURE_FOLDERS = new Set(['author', 'authors', 'avatars', 'icons', 'logos', 'emoticons', 'smilies', 'buttons', 'badges']);
/** Avatar services: a person's or a blog's picture, never the story's. */
const AVATAR_HOSTS = /(?:^|\.)gravatar\.com$/;

/** The URL's file names a logo, an icon, a button, a default card or a spacer. */
export function isSiteFurniture(url: string | null): boolean {
  if (!url) return false;
  let folders: string[] = [];
  let file = '';
  let host = '';
  try {
    const parsed = new URL(url);
    host = parsed.hostname;
    folders = parsed.pathname.toLowerCase().split('/');
    file = decodeURIComponent(folders.pop() ?? '');
  } catch {
    return false;
  }
  // A site's root is no picture.
  if (AVATAR_HOSTS.test(host) || (folders.length <= 1 && file === '') || folders.some((folder) => FURNITURE_FOLDERS.has(folder))) return true;
  const name = file
    .replace(/\.\w+$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return FURNITURE_PARTS.test(name) || name.split(/[^a-z]+/).some((word) => FURNITURE_WORDS.has(word));
}

/**
 * A declared picture whose file names furniture stays the lead only when the page shows it: a
 * story about a brand shows the brand's logo, a site's sharing card is in no page's body.
 * `shown` says the declared picture is on the page. A picture it gives way to is the article's.
 */
export function chooseLead(declared: ImageInfo | null, shown: boolean, articleImages: readonly ImageInfo[]): ImageInfo | null {
  if (declared && (shown || !isSiteFurniture(declared.url))) return declared;
  return articleImages.find((image) => !isSiteFurniture(image.url)) ?? null;
}
