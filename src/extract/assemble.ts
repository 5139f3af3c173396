// src/extract/assemble.ts
// Builds the Article object from the pieces the pipeline gathered: every field present,
// null or [] when unknown.

import type { MetadataSources, PageMetadata } from '../metadata/types.js';
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
  return image ? { url: image.url, caption: image.caption, credit: image.credit } : null;
}

export function assembleArticle(parts: ArticleParts): Article {
  const { metadata } = parts;
  const article: Article = {
    source: parts.source,
    url: parts.url,
    canonicalUrl: metadata.canonicalUrl,
    // A string or null, never "": a blank <title> is no title.
    title: metadata.title?.trim() || null,
    byline: metadata.byline,
    authors: metadata.authors,
    siteName: metadata.siteName,
    publishedTime: metadata.publishedTime,
    modifiedTime: metadata.modifiedTime,
    lang: metadata.lang,
    excerpt: metadata.excerpt,
    section: metadata.section,
    tags: metadata.tags,
    leadImage: toLead(parts.leadImage),
    images: parts.images,
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
