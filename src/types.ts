// src/types.ts
// The public shapes: the article we print, the options we take, and what a filter is.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { MetadataSources } from './metadata/types.js';

export interface ImageInfo {
  url: string | null;
  alt: string | null;
  caption: string | null;
  credit: string | null;
}

export interface LeadImage {
  url: string | null;
  caption: string | null;
  credit: string | null;
}

export type BlockType = 'p' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'li' | 'blockquote' | 'pre' | 'table' | 'figure';

export interface Block {
  type: BlockType;
  text: string;
}

/** One removal made by a named filter, as `--explain` shows it. */
export interface Removal {
  filter: string;
  reason: string;
  /** The first 200 characters of the removed text. */
  text: string;
}

/** Every field is always present: null or [] when unknown. */
export interface Article {
  source: string;
  url: string | null;
  /** The address the page declares as its own (rel=canonical, og:url, JSON-LD). */
  canonicalUrl: string | null;
  title: string | null;
  byline: string | null;
  /** Person names only: no "By", no e-mail addresses or URLs, no job titles. */
  authors: string[];
  /** Agencies, desks and outlets credited for the story ("dpa", "Associated Press", "Guardian staff"). */
  organizations: string[];
  siteName: string | null;
  /** ISO 8601 in UTC ("2024-03-04T09:30:00.000Z"); published and modified are never mixed. */
  publishedTime: string | null;
  modifiedTime: string | null;
  /** A BCP 47 tag; detected from the text when the page gives none or one its text contradicts. */
  lang: string | null;
  excerpt: string | null;
  section: string | null;
  tags: string[];
  leadImage: LeadImage | null;
  images: ImageInfo[];
  text: string;
  blocks: Block[];
  html: string;
  wordCount: number;
  /** Minutes at ~230 words a minute, or ~500 characters a minute for Chinese, Japanese and Korean. */
  readingTimeMinutes: number;
  removed?: Removal[];
  /** With --explain: the source each filled metadata field came from ("json-ld", "opengraph"…). */
  metadataSources?: MetadataSources;
  /** Only for a page read from a WARC file: the record it came from. */
  warc?: WarcOrigin;
}

/** A WARC record's identity, as its WARC headers give it. */
export interface WarcOrigin {
  recordId: string | null;
  /** WARC-Date: when the crawler captured the page. */
  date: string | null;
  targetUri: string | null;
}

export interface FetchOptions {
  /** Milliseconds each attempt may spend connecting, waiting for headers, and reading the whole body. */
  timeoutMs: number;
  /** Largest body accepted, in bytes, after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Extra attempts after a connection reset or a 429, 502, 503 or 504. */
  retries: number;
  /** The first backoff delay; it doubles on each retry, with jitter. */
  retryBaseMs: number;
  /** The longest Retry-After we wait; a server asking for longer fails at once. */
  maxRetryAfterMs: number;
  /** Extra request headers ("name" -> "value"); they override the defaults, User-Agent included. */
  headers: Readonly<Record<string, string>>;
  /** A folder for the on-disk response cache, or null for none. */
  cacheDir: string | null;
}

export type Favor = 'precision' | 'balanced' | 'recall';

export interface CleanOptions {
  /** The page's original address, for saved files: resolves links and fills `url`. */
  url?: string | undefined;
  /** Names of filters to switch off. */
  disabledFilters?: readonly string[];
  /** Record every removal in `removed`. */
  explain?: boolean;
  /**
   * The precision/recall trade-off. `balanced` (default) takes back sibling sections after the
   * container and a lede above it; `precision` keeps only what Readability chose; `recall` also
   * takes back sibling sections before the container.
   */
  favor?: Favor;
  /**
   * Fewer words of text than this and the page is no article (E_NO_ARTICLE): a login form, a
   * directory listing, a page whose only text is "Copyright 2024". Default 5; 0 takes anything.
   */
  minWords?: number;
  fetch?: Partial<FetchOptions>;
}

/** What every filter can read about the page it works on. */
export interface FilterContext {
  /** The page's address, when known: tells the site's own links from links elsewhere. */
  readonly url: string | null;
  readonly title: string | null;
  /** The page's own summary (og:description, meta description): a block repeating it is a standfirst. */
  readonly description?: string | null;
  readonly siteName: string | null;
  readonly lang: string | null;
  /** Author names from the metadata, to spot byline lines. */
  readonly authors: readonly string[];
  /** Agencies, desks and outlets credited (metadata `organizations`): a line that is only one of them is the byline's credit line. */
  readonly organizations?: readonly string[];
  /** Image captions and alt texts already known, to spot duplicated captions. */
  readonly captions: readonly string[];
}

/** A line of a plain-text dump, as line filters see it. */
export interface DumpLine {
  readonly index: number;
  readonly text: string;
}

export type LineSelector = (lines: readonly DumpLine[], ctx: FilterContext) => number[];

/**
 * A named rule. It only selects; the pipeline removes what it selected and records why.
 * Both stages see a cheerio document: `page` the whole page before Readability (so the scorer
 * sees a cleaner page, and jsdom has less to build), `article` Readability's output.
 */
export interface Filter {
  /** kebab-case, used by `--no-filter` and in `removed`. */
  readonly name: string;
  /** Why this class of text is boilerplate, shown by `--explain`. */
  readonly reason: string;
  readonly stage: 'page' | 'article';
  /**
   * The most of the stage's text this kind of boilerplate can plausibly hold, all picks together
   * (page: paragraph text; article: all text). Boxes, banners and bars are small by nature: when a
   * filter's picks add up to more, it has misread the page, and none of them is removed. Comment
   * threads and rails of other stories can outweigh a short story, so those filters have none.
   */
  readonly maxShare?: number;
  select($: CheerioAPI, ctx: FilterContext): AnyNode[];
  /** The same rule applied to plain-text dumps, line by line. */
  readonly selectLines?: LineSelector;
}
