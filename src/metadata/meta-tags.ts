// src/metadata/meta-tags.ts
// Reads <meta> tags as four sources: OpenGraph (og:, article:), Twitter cards, plain names
// (author, description, date, parsely-…) and Dublin Core (dc., dcterms.).

import type { CheerioAPI } from 'cheerio';
import type { PageZone } from './zone.js';
import { cleanString, decodeEntities, splitAuthors, toIsoDate, toLangTag, toTagList, uniqueIgnoringCase } from './values.js';
import type { MetadataFields } from './types.js';

/** Lower-cased meta key -> every value given for it, in page order (article:tag repeats). */
export type MetaMap = ReadonlyMap<string, readonly string[]>;

type KeyField = 'title' | 'authors' | 'siteName' | 'published' | 'modified' | 'lang' | 'excerpt' | 'image' | 'canonical' | 'tags' | 'section';
type KeyTable = Partial<Record<KeyField, readonly string[]>>;

/** Each source's keys per field, in the order we trust them. */
const OPENGRAPH: KeyTable = {
  title: ['og:title'],
  // Facebook's article:author is usually a profile URL, which splitAuthors drops.
  authors: ['article:author'],
  siteName: ['og:site_name'],
  // "article:published:time" (a colon for the underscore) is a common misspelling in CMS templates.
  published: ['article:published_time', 'og:published_time', 'article:published', 'article:published:time'],
  modified: ['article:modified_time', 'og:updated_time', 'og:modified_time', 'article:updated_time', 'article:modified:time'],
  lang: ['og:locale'],
  excerpt: ['og:description'],
  image: ['og:image', 'og:image:url', 'og:image:secure_url'],
  canonical: ['og:url'],
  tags: ['article:tag'],
  section: ['article:section'],
};

const TWITTER: KeyTable = {
  title: ['twitter:title'],
  excerpt: ['twitter:description'],
  image: ['twitter:image', 'twitter:image:src'],
};

const PLAIN_META: KeyTable = {
  title: ['headline', 'title', 'sailthru.title', 'parsely-title'],
  authors: ['author', 'byl', 'parsely-author', 'sailthru.author', 'article.author', 'cxenseparse:author'],
  siteName: ['application-name', 'publisher'],
  published: [
    'datepublished',
    'date',
    'pubdate',
    'publish-date',
    'publishdate',
    'publication_date',
    'article.published',
    'parsely-pub-date',
    'sailthru.date',
    'cxenseparse:recs:publishtime',
    'published_time',
    'ptime',
  ],
  modified: ['datemodified', 'article.updated', 'last-modified', 'lastmod', 'modified_time', 'utime', 'revised'],
  lang: ['language'],
  excerpt: ['description'],
  image: ['thumbnail', 'thumbnailurl', 'parsely-image-url'],
  tags: ['news_keywords', 'parsely-tags', 'sailthru.tags', 'keywords'],
  section: ['section', 'article.section', 'parsely-section', 'category'],
};

const DUBLIN_CORE: KeyTable = {
  title: ['dc.title', 'dcterms.title'],
  authors: ['dc.creator', 'dcterms.creator'],
  siteName: ['dc.publisher', 'dcterms.publisher'],
  published: ['dc.date.issued', 'dcterms.issued', 'dcterms.created', 'dc.date.created', 'dc.date', 'dcterms.date'],
  modified: ['dc.date.modified', 'dcterms.modified'],
  lang: ['dc.language', 'dcterms.language'],
  excerpt: ['dc.description', 'dcterms.description', 'dcterms.abstract'],
  tags: ['dc.subject', 'dcterms.subject'],
};

/** Collects <meta property|name content> pairs; itemprop and http-equiv metas belong to other sources. */
export function readMetaMap($: CheerioAPI): MetaMap {
  const map = new Map<string, string[]>();
  for (const meta of $('meta[content]').toArray()) {
    const key = (meta.attribs['property'] ?? meta.attribs['name'])?.trim().toLowerCase();
    const value = meta.attribs['content'];
    if (!key || !value) continue;
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  }
  return map;
}

function first(map: MetaMap, keys: readonly string[] | undefined): string | undefined {
  for (const key of keys ?? []) {
    for (const raw of map.get(key) ?? []) {
      const value = cleanString(raw);
      if (value) return value;
    }
  }
  return undefined;
}

function firstDate(map: MetaMap, keys: readonly string[] | undefined, zone: PageZone | undefined): string | undefined {
  for (const key of keys ?? []) {
    const date = toIsoDate(first(map, [key]), zone);
    if (date) return date;
  }
  return undefined;
}

/** Every value of the first key that has any (article:tag repeats; keywords is one list). */
function allOf(map: MetaMap, keys: readonly string[] | undefined, split: (value: string) => string[]): string[] | undefined {
  for (const key of keys ?? []) {
    const values = uniqueIgnoringCase((map.get(key) ?? []).flatMap(split));
    if (values.length > 0) return values;
  }
  return undefined;
}

/** An absolute http(s) address, or nothing: relative and placeholder URLs are not canonical. */
export function absoluteHttpUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The document's base resolves images exactly as body images are resolved (so the lead image is
 * found among them); a canonical URL is resolved only against the page's real address.
 */
export interface UrlBases {
  readonly image: string;
  readonly page: string | undefined;
}

function readTable(map: MetaMap, table: KeyTable, bases: UrlBases, zone: PageZone | undefined): MetadataFields {
  const site = first(map, table.siteName);
  return {
    title: first(map, table.title),
    authors: allOf(map, table.authors, (raw) => splitAuthors(decodeEntities(raw))),
    // A Twitter-style "@handle" or a bare address is not a site name.
    siteName: site && !/^@|^https?:\/\//.test(site) ? site : undefined,
    publishedTime: firstDate(map, table.published, zone),
    modifiedTime: firstDate(map, table.modified, zone),
    lang: toLangTag(first(map, table.lang)),
    excerpt: first(map, table.excerpt),
    imageUrl: absoluteHttpUrl(first(map, table.image), bases.image),
    canonicalUrl: absoluteHttpUrl(first(map, table.canonical), bases.page),
    tags: allOf(map, table.tags, toTagList),
    section: first(map, table.section),
  };
}

export const readOpenGraph = (map: MetaMap, bases: UrlBases, zone?: PageZone): MetadataFields => readTable(map, OPENGRAPH, bases, zone);
export const readTwitterCard = (map: MetaMap, bases: UrlBases, zone?: PageZone): MetadataFields => readTable(map, TWITTER, bases, zone);
export const readPlainMeta = (map: MetaMap, bases: UrlBases, zone?: PageZone): MetadataFields => readTable(map, PLAIN_META, bases, zone);
export const readDublinCore = (map: MetaMap, bases: UrlBases, zone?: PageZone): MetadataFields => readTable(map, DUBLIN_CORE, bases, zone);
