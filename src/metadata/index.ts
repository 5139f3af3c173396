// src/metadata/index.ts
// Merges the metadata sources field by field, in a fixed priority order (README "Metadata").
// It runs before Readability, which mutates the document.

import { readJsonLd } from './json-ld.js';
import { documentTitle, readMetaTags } from './meta-tags.js';
import type { MetadataFields, PageMetadata } from './types.js';
import { toLangTag } from './values.js';

export type { PageMetadata } from './types.js';

/** "Headline - Site", "Headline | Site", "Headline — Site" and "Site: Headline" separators. */
const TITLE_SEPARATORS = /\s+[-|–—:·•»]\s+/;

export function readMetadata(document: Document): PageMetadata {
  const jsonLd = readJsonLd(document);
  const meta = readMetaTags(document);
  const pageTitle = documentTitle(document);
  const siteName = meta.siteName ?? jsonLd.siteName ?? siteNameFromTitle(pageTitle);
  const rawTitle = jsonLd.title ?? meta.title ?? pageTitle;
  const authors = jsonLd.authors ?? meta.authors ?? [];
  return {
    title: rawTitle ? stripSiteName(rawTitle, siteName) : null,
    byline: authors.length > 0 ? authors.join(', ') : null,
    authors,
    siteName: siteName ?? null,
    publishedTime: jsonLd.publishedTime ?? meta.publishedTime ?? null,
    modifiedTime: jsonLd.modifiedTime ?? meta.modifiedTime ?? null,
    lang: meta.lang ?? toLangTag(jsonLd.lang) ?? null,
    excerpt: meta.excerpt ?? jsonLd.excerpt ?? null,
    imageUrl: pick(jsonLd, meta, 'imageUrl'),
    canonicalUrl: meta.canonicalUrl ?? null,
    articleBody: jsonLd.articleBody ?? null,
  };
}

function pick(a: MetadataFields, b: MetadataFields, key: 'imageUrl'): string | null {
  return b[key] ?? a[key] ?? null;
}

/** The last part of "Headline - Site Name" when it is short enough to be a name. */
export function siteNameFromTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const parts = title.split(TITLE_SEPARATORS);
  const last = parts.length > 1 ? parts[parts.length - 1]?.trim() : undefined;
  return last && last.split(' ').length <= 4 ? last : undefined;
}

/** Drops a " - Site Name" suffix (or "Site Name: " prefix) that repeats the site's name. */
export function stripSiteName(title: string, siteName: string | undefined | null): string {
  if (!siteName) return title;
  const lowerSite = siteName.toLowerCase();
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  if (parts[parts.length - 1]?.trim().toLowerCase() === lowerSite) {
    return title.slice(0, title.toLowerCase().lastIndexOf(lowerSite)).replace(/\s+[-|–—:·•»]\s*$/, '').trim();
  }
  if (parts[0]?.trim().toLowerCase() === lowerSite) {
    return title.slice(siteName.length).replace(/^\s*[-|–—:·•»]\s+/, '').trim();
  }
  return title;
}
