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
  /** When the pipeline knows the lead image; otherwise it is picked from `images`. */
  leadImage?: ImageInfo | null;
  images: ImageInfo[];
  blocks: Block[];
  text: string;
  html: string;
  removals: Removal[];
  explain: boolean;
}

/** The lead image: the page's declared image (og:image) with the caption of its copy in the body. */
export function pickLeadImage(declaredUrl: string | null, images: readonly ImageInfo[]): LeadImage | null {
  const inBody = declaredUrl ? images.find((image) => image.url === declaredUrl) : undefined;
  const first = inBody ?? images[0];
  if (!declaredUrl && !first) return null;
  return {
    url: declaredUrl ?? first?.url ?? null,
    caption: (inBody ?? (declaredUrl ? undefined : first))?.caption ?? images[0]?.caption ?? null,
    credit: (inBody ?? (declaredUrl ? undefined : first))?.credit ?? images[0]?.credit ?? null,
  };
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
    title: metadata.title,
    byline: metadata.byline,
    authors: metadata.authors,
    siteName: metadata.siteName,
    publishedTime: metadata.publishedTime,
    modifiedTime: metadata.modifiedTime,
    lang: metadata.lang,
    excerpt: metadata.excerpt,
    section: metadata.section,
    tags: metadata.tags,
    leadImage: parts.leadImage !== undefined ? toLead(parts.leadImage) : pickLeadImage(metadata.imageUrl, parts.images),
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
