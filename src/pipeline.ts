// src/pipeline.ts
// The only module that knows the stage order (README "Pipeline"):
//   input -> decode -> sniff -> parse -> metadata -> page filters -> Readability
//   -> images -> article filters -> blocks/text -> assemble
// Plain-text dumps branch after sniffing: lines -> dump metadata -> line filters -> assemble.

import type { Readable } from 'node:stream';
import * as cheerio from 'cheerio';
import { decodeBytes } from './decode/charset.js';
import { assertPageBytes, looksLikeHtml } from './decode/sniff.js';
import { CleanError } from './errors.js';
import { assembleArticle } from './extract/assemble.js';
import { blocksToText, buildBlocks } from './extract/blocks.js';
import { readImages } from './extract/images.js';
import { escapeHtml, extractFromArticleBody, extractWithReadability } from './extract/readability.js';
import { applyArticleFilters, applyLineFilters, applyPageFilters } from './filters/apply.js';
import { articleFilters, enabledFilters, pageFilters } from './filters/index.js';
import { readInput, type RawInput } from './input/index.js';
import { resolveFetchOptions } from './input/limits.js';
import { readMetadata, settleLang, withReadabilityFallbacks, type PageMetadata } from './metadata/index.js';
import { FALLBACK_BASE_URL, parseHtml } from './parse/dom.js';
import { findLeadFigure, siteNameFromSuffixes, splitLines } from './text/dump.js';
import { detectLang } from './text/lang.js';
import type { Article, CleanOptions, Filter, FilterContext } from './types.js';

/** Reads one input (path, URL or "-") and cleans it. Throws CleanError only. */
export async function runPipeline(spec: string, options: CleanOptions = {}, stdin?: Readable): Promise<Article> {
  const raw = await readInput(spec, resolveFetchOptions(options.fetch), stdin);
  return cleanRaw(raw, options);
}

/** Cleans bytes already in hand; the batch runner and tests enter here. */
export function cleanRaw(raw: RawInput, options: CleanOptions = {}): Article {
  assertPageBytes(raw.bytes, raw.source);
  const { text } = decodeBytes(raw.bytes, raw.contentType);
  const url = raw.url ?? options.url ?? null;
  const filters = enabledFilters(options.disabledFilters);
  const explain = options.explain ?? false;
  return looksLikeHtml(text)
    ? cleanHtml(text, { source: raw.source, url, filters, explain })
    : cleanDump(text, { source: raw.source, url, filters, explain });
}

interface StageOptions {
  source: string;
  url: string | null;
  filters: readonly Filter[];
  explain: boolean;
}

function contextFrom(metadata: PageMetadata, captions: readonly string[]): FilterContext {
  return { title: metadata.title, siteName: metadata.siteName, lang: metadata.lang, captions };
}

function cleanHtml(html: string, stage: StageOptions): Article {
  const { dom, document } = parseHtml(html, stage.url, stage.source);
  try {
    // Metadata reads the whole page (bylines, <time>, microdata live in the body) before any filter.
    const metadata = readMetadata(cheerio.load(html), stage.url);
    const removals = applyPageFilters(document, pageFilters(stage.filters), contextFrom(metadata, []));
    const extracted =
      extractWithReadability(document) ?? (metadata.articleBody ? extractFromArticleBody(metadata.articleBody) : null);
    if (!extracted) throw new CleanError('E_NO_ARTICLE', 'no article text found on the page', stage.source);

    const $ = cheerio.load(extracted.html, null, false);
    const images = readImages($, stage.url ?? FALLBACK_BASE_URL);
    const captions = images.flatMap((image) => [image.caption, image.alt]).filter((text): text is string => !!text);
    const merged = withReadabilityFallbacks(metadata, extracted);
    removals.push(...applyArticleFilters($, articleFilters(stage.filters), contextFrom(merged, captions)));
    $('[class]').removeAttr('class');
    $('[style]').removeAttr('style');

    const blocks = buildBlocks($);
    const text = blocksToText(blocks);
    if (text.trim() === '') throw new CleanError('E_NO_ARTICLE', 'no article text left on the page', stage.source);
    return assembleArticle({
      source: stage.source,
      url: stage.url,
      metadata: settleLang(merged, text),
      images,
      blocks,
      text,
      html: $.html().trim(),
      removals,
      explain: stage.explain,
    });
  } finally {
    // Frees jsdom's window timers and listeners; the heap is released with `dom`.
    dom.window.close();
  }
}

function cleanDump(text: string, stage: StageOptions): Article {
  const lines = splitLines(text);
  const title = lines[0]?.text ?? null;
  const siteName = siteNameFromSuffixes(lines);
  const figure = findLeadFigure(lines, siteName);
  const captions = figure?.caption ? [figure.caption] : [];
  const ctx: FilterContext = { title, siteName, lang: null, captions };
  const { kept, removals } = applyLineFilters(lines, stage.filters, ctx);
  if (kept.length === 0) throw new CleanError('E_NO_ARTICLE', 'no article text in the dump', stage.source);

  const blocks = kept.map((line) => ({ type: 'p' as const, text: line.text }));
  const body = blocksToText(blocks);
  const lang = detectLang(body);
  const metadata: PageMetadata = {
    title,
    byline: null,
    authors: [],
    siteName,
    publishedTime: null,
    modifiedTime: null,
    lang,
    excerpt: blocks[0]?.text ?? null,
    imageUrl: null,
    canonicalUrl: null,
    tags: [],
    section: null,
    articleBody: null,
    // A dump carries no tags: its title is the first line and its site name a repeated suffix.
    sources: { ...(title ? { title: 'title' } : {}), ...(siteName ? { siteName: 'title-suffix' } : {}), ...(lang ? { lang: 'detected' } : {}) },
  };
  const images = figure ? [{ url: null, alt: null, caption: figure.caption, credit: figure.credit }] : [];
  return assembleArticle({
    source: stage.source,
    url: stage.url,
    metadata,
    images,
    blocks,
    text: body,
    html: blocks.map((block) => `<p>${escapeHtml(block.text)}</p>`).join('\n'),
    removals,
    explain: stage.explain,
  });
}
