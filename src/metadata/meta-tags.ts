// src/metadata/meta-tags.ts
// Reads OpenGraph, Twitter cards, plain <meta> tags, Dublin Core, itemprop, <time> and <html lang>.

import { cleanString, splitAuthors, toIsoDate, toLangTag } from './values.js';
import type { MetadataFields } from './types.js';

/** Each field's keys in the order we trust them. Keys are matched on name, property and itemprop. */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'dc.title', 'headline', 'title'],
  author: ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author'],
  siteName: ['og:site_name', 'application-name', 'twitter:site'],
  published: [
    'article:published_time', 'datepublished', 'dc.date.issued', 'dc.date', 'date', 'pubdate',
    'publish-date', 'parsely-pub-date', 'sailthru.date', 'og:published_time',
  ],
  modified: ['article:modified_time', 'datemodified', 'og:updated_time', 'last-modified', 'dc.date.modified'],
  description: ['og:description', 'description', 'twitter:description', 'dc.description'],
  image: ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'thumbnailurl'],
  lang: ['og:locale', 'content-language', 'dc.language', 'language'],
} as const;

function readMetaMap(document: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))
      ?.trim()
      .toLowerCase();
    const value = meta.getAttribute('content');
    if (key && value && !map.has(key)) map.set(key, value);
  }
  return map;
}

function first(map: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = cleanString(map.get(key));
    if (value) return value;
  }
  return undefined;
}

/** An author meta that is a profile URL (as Facebook's article:author often is) is no name. */
function authorsFrom(map: Map<string, string>, document: Document): string[] | undefined {
  const raw = first(map, META_KEYS.author) ?? cleanString(document.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]')?.textContent);
  const names = raw ? splitAuthors(raw) : [];
  return names.length > 0 ? names : undefined;
}

export function readMetaTags(document: Document): MetadataFields {
  const map = readMetaMap(document);
  const timeElement = document.querySelector('time[datetime]');
  const canonical = document.querySelector('link[rel="canonical" i]')?.getAttribute('href');
  return {
    title: first(map, META_KEYS.title) ?? cleanString(document.title),
    authors: authorsFrom(map, document),
    siteName: first(map, META_KEYS.siteName),
    publishedTime: toIsoDate(first(map, META_KEYS.published)) ?? toIsoDate(timeElement?.getAttribute('datetime')),
    modifiedTime: toIsoDate(first(map, META_KEYS.modified)),
    lang: toLangTag(document.documentElement.getAttribute('lang') ?? document.documentElement.getAttribute('xml:lang')) ?? toLangTag(first(map, META_KEYS.lang)),
    excerpt: first(map, META_KEYS.description),
    imageUrl: first(map, META_KEYS.image),
    canonicalUrl: cleanString(canonical),
  };
}

/** The <title> text, which often carries the site name as a suffix ("Headline - Site"). */
export function documentTitle(document: Document): string | undefined {
  return cleanString(document.querySelector('title')?.textContent);
}
