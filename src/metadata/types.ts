// src/metadata/types.ts
// What one metadata source can tell about a page; every field optional, merged by priority.

export interface MetadataFields {
  title?: string | undefined;
  authors?: string[] | undefined;
  siteName?: string | undefined;
  publishedTime?: string | undefined;
  modifiedTime?: string | undefined;
  lang?: string | undefined;
  excerpt?: string | undefined;
  imageUrl?: string | undefined;
  canonicalUrl?: string | undefined;
  /** The publisher's own full text (JSON-LD articleBody), a recall fallback. */
  articleBody?: string | undefined;
}

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  authors: string[];
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  excerpt: string | null;
  imageUrl: string | null;
  canonicalUrl: string | null;
  articleBody: string | null;
}
