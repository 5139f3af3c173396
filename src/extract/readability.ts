// src/extract/readability.ts
// Runs Mozilla Readability on the (already filtered) page and falls back to the publisher's own
// JSON-LD articleBody when Readability finds nothing.

import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';

/** Loaded with the first page that reaches it (CommonJS), so text dumps never pay for it. */
const loadReadability = (): typeof ReadabilityClass =>
  (createRequire(import.meta.url)('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability;

export interface ExtractedContent {
  html: string;
  title: string | null;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  /** Which method produced the body, for `--explain`. */
  method: 'readability' | 'readability-low-threshold' | 'json-ld' | 'largest-block' | 'headline-block';
}

/** Readability refuses pages with too many elements; far above any real article page. */
const MAX_ELEMENTS = 200_000;

/** Readability's default minimum article length, in characters. */
export const DEFAULT_CHAR_THRESHOLD = 500;

/**
 * How many of its best blocks Readability weighs. With five (its default) it climbs from the best
 * block to an ancestor holding three others scored close to it; with three it never does.
 */
export const CLIMBING_TOP_CANDIDATES = 5;
export const NON_CLIMBING_TOP_CANDIDATES = 3;

export function extractWithReadability(
  doc: Document,
  charThreshold = DEFAULT_CHAR_THRESHOLD,
  nbTopCandidates = CLIMBING_TOP_CANDIDATES,
): ExtractedContent | null {
  const Readability = loadReadability();
  let parsed: ReturnType<ReadabilityClass['parse']>;
  try {
    // JSON-LD was read with the rest of the metadata, and its scripts are not in this document.
    parsed = new Readability(doc, { keepClasses: true, maxElemsToParse: MAX_ELEMENTS, charThreshold, disableJSONLD: true, nbTopCandidates }).parse();
  } catch {
    // Readability throws past maxElemsToParse; the fallback below still gets a chance.
    parsed = null;
  }
  if (!parsed?.content) return null;
  return {
    html: parsed.content,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    excerpt: parsed.excerpt ?? null,
    siteName: parsed.siteName ?? null,
    lang: parsed.lang ?? null,
    publishedTime: parsed.publishedTime ?? null,
    method: charThreshold === DEFAULT_CHAR_THRESHOLD ? 'readability' : 'readability-low-threshold',
  };
}

/** The publisher's articleBody as paragraphs: one per line of the JSON-LD text. */
export function extractFromArticleBody(body: string): ExtractedContent | null {
  const paragraphs = body
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (paragraphs.length === 0) return null;
  const html = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  return {
    html: `<div>${html}</div>`,
    title: null,
    byline: null,
    excerpt: null,
    siteName: null,
    lang: null,
    publishedTime: null,
    method: 'json-ld',
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
