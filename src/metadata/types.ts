// src/metadata/types.ts
// What one metadata source can tell about a page (every field optional), the names of the
// sources, and the merged result with the source each field came from.

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
  tags?: string[] | undefined;
  section?: string | undefined;
  /** The publisher's own full text (JSON-LD articleBody), a recall fallback. */
  articleBody?: string | undefined;
  /** Organisations a source types as such: JSON-LD authors typed Organization, the outlet beside a marked name in the visible byline. */
  organizations?: string[] | undefined;
  /** The declared image's caption and credit (JSON-LD ImageObject), for the lead image. */
  imageCaption?: string | undefined;
  imageCredit?: string | undefined;
  /** JSON-LD keywords written as one space-joined string too long to be one topic, split into words. */
  keywordWords?: string[] | undefined;
}

/** The fields merged by FIELD_PRIORITY; the others are read from one source each. */
export type MetadataField = Exclude<keyof MetadataFields, 'articleBody' | 'organizations' | 'imageCaption' | 'imageCredit' | 'keywordWords'>;

/** Where a field's value came from, as `--explain` reports it in `metadataSources`. */
export type MetadataSource =
  /** The article's visible h1 (headline.ts). */
  | 'headline'
  | 'json-ld'
  | 'opengraph'
  | 'twitter'
  | 'meta'
  | 'dublin-core'
  | 'itemprop'
  | 'time'
  | 'byline'
  /** The author an inline analytics script names (data-layer.ts). */
  | 'data-layer'
  | 'canonical'
  | 'html-lang'
  | 'content-language'
  | 'title'
  | 'title-suffix'
  | 'readability'
  | 'detected'
  /** A date written next to the headline or byline (visible-date.ts). */
  | 'visible-text'
  /** A date in the page's address ("/2019/11/19/"). */
  | 'url'
  /** The tag list shown under the story (visible-tags.ts). */
  | 'visible-tags'
  /** JSON-LD keywords that were one space-joined string, split into words: the last resort. */
  | 'keyword-words';

/** Keyed by field; `leadImage` is how `--explain` names imageUrl, 'content' an image from the body. */
export type MetadataSources = Partial<Record<MetadataField | 'leadImage', MetadataSource | 'content'>>;

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  authors: string[];
  /** Agencies, desks and outlets named where the authors are (credits.ts). */
  organizations: string[];
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  excerpt: string | null;
  imageUrl: string | null;
  canonicalUrl: string | null;
  tags: string[];
  section: string | null;
  articleBody: string | null;
  /** Every language the page declares (html lang, Content-Language, og:locale…), in FIELD_PRIORITY order. */
  declaredLangs: string[];
  /** The caption and credit the page declares for its image (JSON-LD), when it does. */
  imageCaption: string | null;
  imageCredit: string | null;
  /** The source of each filled field; `byline` follows `authors`. */
  sources: MetadataSources;
}
