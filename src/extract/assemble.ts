// src/extract/assemble.ts
// Builds the Article object from the pieces the pipeline gathered: every field present,
// null or [] when unknown.

import type { MetadataSources, PageMetadata } from '../metadata/types.js';
import { absoluteHttpUrl } from '../metadata/meta-tags.js';
import { countWords } from '../text/normalize.js';
import { readingTimeMinutes } from '../text/reading-time.js';
import type { Article, Block, ImageInfo, LeadImage, Removal } from '../types.js';

export interface ArticleParts {
  source: string;
  url: string | null;
  metadata: PageMetadata;
  /** Chosen by the pipeline: the declared image for pages, the dump's figure for text dumps. */
  leadImage: ImageInfo | null;
  images: ImageInfo[];
  blocks: Block[];
  text: string;
  html: string;
  removals: Removal[];
  explain: boolean;
}

function toLead(image: ImageInfo | null): LeadImage | null {
  return image && hasSafeUrl(image) ? { url: image.url, caption: image.caption, credit: image.credit } : null;
}

/**
 * The last guard on image addresses (images.ts and the metadata readers take http(s) only): the
 * JSON's `url` is opened and followed by people and programs, so no `javascript:` or `data:` one
 * ever leaves, whatever stage made it. A text dump's figure has no address (null).
 */
function hasSafeUrl(image: ImageInfo): boolean {
  return image.url === null || absoluteHttpUrl(image.url) === image.url;
}

/** No real headline is this long; a 19 MB <title> was printed whole. */
const MAX_TITLE_CHARS = 1000;
/** Bylines, site names and sections are a line at most. */
const MAX_SHORT_FIELD_CHARS = 500;
const MAX_EXCERPT_CHARS = 5000;

/** Cut at a word boundary near `max`, with an ellipsis, when a metadata value runs on. */
function clip(value: string | null, max: number): string | null {
  if (value === null || value.length <= max) return value;
  const cut = value.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function assembleArticle(parts: ArticleParts): Article {
  const { metadata } = parts;
  const article: Article = {
    source: parts.source,
    url: parts.url,
    canonicalUrl: metadata.canonicalUrl,
    // A string or null, never "": a blank <title> is no title.
    title: clip(metadata.title?.trim() || null, MAX_TITLE_CHARS),
    byline: clip(metadata.byline, MAX_SHORT_FIELD_CHARS),
    authors: metadata.authors,
    organizations: metadata.organizations,
    siteName: clip(metadata.siteName, MAX_SHORT_FIELD_CHARS),
    publishedTime: metadata.publishedTime,
    modifiedTime: metadata.modifiedTime,
    lang: metadata.lang,
    excerpt: clip(metadata.excerpt, MAX_EXCERPT_CHARS),
    section: clip(metadata.section, MAX_SHORT_FIELD_CHARS),
    tags: metadata.tags,
    leadImage: toLead(parts.leadImage),
    images: parts.images.filter(hasSafeUrl),
    text: parts.text,
    blocks: parts.blocks,
    html: parts.html,
    wordCount: countWords(parts.text),
    readingTimeMinutes: readingTimeMinutes(parts.text),
  };
  if (parts.explain) {
    article.removed = parts.removals;
    article.metadataSources = explainSources(metadata.sources, article.leadImage !== null);
  }
  return article;
}

/** Sources keyed by Article field: the declared image is the lead image, else the body's first. */
function explainSources(sources: MetadataSources, hasLeadImage: boolean): MetadataSources {
  const { imageUrl, ...rest } = sources;
  if (!hasLeadImage) return rest;
  return { ...rest, leadImage: imageUrl ?? 'content' };
}
