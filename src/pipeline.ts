// src/pipeline.ts
// The only module that knows the stage order (README "Pipeline"):
//   input -> decode -> sniff -> limits -> page (cheerio) -> metadata -> page filters -> jsdom -> Readability
//   -> verify (furniture? take the headline's block) -> recover (holes, sibling sections, lede) -> images
//   -> article filters -> blocks/text -> assemble
// Plain-text dumps branch after sniffing: lines -> dump metadata -> line filters -> assemble.

import type { Readable } from 'node:stream';
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { decodeBytes } from './decode/charset.js';
import { assertPageBytes, looksLikeHtml } from './decode/sniff.js';
import { CleanError } from './errors.js';
import { assembleArticle } from './extract/assemble.js';
import { blocksToText, buildBlocks } from './extract/blocks.js';
import { findLedeCandidates, restoreLedes } from './extract/lede.js';
import { pageParagraphs, type PageParagraphs } from './extract/page-paragraphs.js';
import { recoverArticleParts } from './extract/recover.js';
import { findImages, findLeadImage, type LeadImageFound, keptImages, withPageNotes } from './extract/images.js';
import { chooseLead } from './extract/lead-choice.js';
import { pictureKey } from './extract/picture-key.js';
import { extractWithFallbacks } from './extract/fallback.js';
import { furnitureReason } from './extract/furniture.js';
import { verifyExtraction } from './extract/verify.js';
import { escapeHtml, extractWithReadability, type ExtractedContent } from './extract/readability.js';
import { applyFilters, applyLineFilters } from './filters/apply.js';
import { enabledFilters, filtersOfStage } from './filters/index.js';
import { readInput, type RawInput } from './input/index.js';
import { resolveFetchOptions } from './input/limits.js';
import { readMetadata, settleLang, withReadabilityFallbacks, type PageMetadata } from './metadata/index.js';
import { createSanitizer, type Sanitizer } from './output/sanitize.js';
import { createDomParser, FALLBACK_BASE_URL, type DomParser } from './parse/dom.js';
import { DEFAULT_MIN_WORDS } from './input/limits.js';
import { savedFromUrl } from './input/saved-from.js';
import { unwrapArticleContainers } from './extract/unwrap.js';
import { notAnArticle } from './extract/not-article.js';
import { boundedHtml } from './parse/limits.js';
import { load } from './parse/cheerio-load.js';
import { loadPage } from './parse/page.js';
import { openPageDocuments } from './parse/documents.js';
import { wrapLooseText } from './parse/loose-text.js';
import { findLeadFigure, siteNameFromSuffixes, splitLines } from './text/dump.js';
import { detectLang } from './text/lang.js';
import type { Article, CleanOptions, Favor, Filter, FilterContext, ImageInfo } from './types.js';

/** Reads one input (path, URL or "-") and cleans it. Throws CleanError only. */
export async function runPipeline(spec: string, options: CleanOptions = {}, stdin?: Readable): Promise<Article> {
  const raw = await readInput(spec, resolveFetchOptions(options.fetch), stdin);
  return cleanRaw(raw, options);
}

/** Cleans bytes already in hand; the batch runner and tests enter here. */
export function cleanRaw(raw: RawInput, options: CleanOptions = {}): Article {
  assertPageBytes(raw.bytes, raw.source);
  const { text } = decodeBytes(raw.bytes, raw.contentType);
  const url = raw.url ?? options.url ?? savedFromUrl(text);
  const filters = enabledFilters(options.disabledFilters);
  const stage: StageOptions = { source: raw.source, url, filters, explain: options.explain ?? false, favor: options.favor ?? 'balanced' };
  const article = looksLikeHtml(text) ? cleanHtml(text, stage) : cleanDump(text, stage);
  const refusal = notAnArticle(article, options.minWords ?? DEFAULT_MIN_WORDS);
  if (refusal) throw new CleanError('E_NO_ARTICLE', refusal, raw.source);
  return raw.warc ? { ...article, warc: raw.warc } : article;
}

function withoutWrappers($: CheerioAPI): string {
  unwrapArticleContainers($);
  return $.html();
}

/**
 * One DOMParser and one sanitizer per process (or worker thread), created on first use: a jsdom
 * window costs as much as a page to create and keeps no per-page state. These are the pipeline's
 * only caches.
 */
let domParser: DomParser | undefined;
function sharedDomParser(): DomParser {
  domParser ??= createDomParser();
  return domParser;
}
let sanitizer: Sanitizer | undefined;
function sharedSanitizer(): Sanitizer {
  sanitizer ??= createSanitizer();
  return sanitizer;
}

interface StageOptions {
  source: string;
  url: string | null;
  filters: readonly Filter[];
  explain: boolean;
  favor: Favor;
}

function contextFrom(metadata: PageMetadata, captions: readonly string[], url: string | null): FilterContext {
  return {
    url,
    title: metadata.title,
    description: metadata.excerpt,
    siteName: metadata.siteName,
    lang: metadata.lang,
    authors: metadata.authors,
    organizations: metadata.organizations,
    captions,
  };
}

function cleanHtml(html: string, stage: StageOptions): Article {
  const page = loadPage(boundedHtml(html, stage.source), stage.source);
  const base = stage.url ?? FALLBACK_BASE_URL;
  // Metadata reads the whole page (bylines, <time>, microdata live in the body) before any filter.
  const metadata = readMetadata(page, stage.url, html);
  // The lead figure often sits above what Readability keeps: read it while the page is whole.
  const leadFound = withDeclaredNotes(findLeadImage(page, metadata.imageUrl, base), metadata);
  const lead = leadFound?.info ?? null;
  const removals = applyFilters(page, filtersOfStage(stage.filters, 'page'), contextFrom(metadata, captionTexts([lead]), stage.url), 'page');

  // Before the page is cut down to its container: the lede may sit outside it.
  const ledes = stage.favor === 'precision' ? null : findLedeCandidates(page, pageParagraphs(page), metadata.title, metadata.excerpt, captionTexts([lead]));
  // Readability's copy of the page is made now, cut down to what it reads: the stages below change the page.
  const documents = openPageDocuments(sharedDomParser(), page, stage);
  let paragraphs: PageParagraphs;
  let extracted: ExtractedContent | null;
  try {
    // Bare text between blocks becomes paragraphs, as Readability makes them in its copy, so that
    // the stages below find the article's paragraphs on the page. After the lede search: a blog's
    // tagline under its name is bare text as often as a lede is.
    wrapLooseText(page);
    // Read again: the page as Readability reads it (cut to its container, form controls gone).
    paragraphs = pageParagraphs(page);
    const isFurniture = (content: ExtractedContent) => furnitureReason(page, content, paragraphs) !== null;
    const parse = () => documents.next();
    const first = extractWithFallbacks(extractWithReadability(parse()), { parse, articleBody: metadata.articleBody, page, isFurniture });
    // Readability's choice can be the page's furniture (a footer notice, a sidebar card): check it.
    const rerun = (without: readonly Element[], nbTopCandidates?: number) => extractWithReadability(documents.hiding(without), undefined, nbTopCandidates);
    extracted = first && stage.favor !== 'precision' ? verifyExtraction(first, { page, paragraphs, title: metadata.title, rerun }) : first;
  } finally {
    documents.release();
  }
  if (!extracted) throw new CleanError('E_NO_ARTICLE', 'no article text found on the page', stage.source);

  const $ = load(extracted.html, null, false);
  // Readability keeps one subtree and cleans inside it: take back what it dropped, then the lede.
  if (stage.favor !== 'precision') {
    if (extracted.method.startsWith('readability')) recoverArticleParts(page, $, paragraphs, { lenient: stage.favor === 'recall', lang: metadata.lang });
    if (ledes) restoreLedes($, ledes);
  }
  const found = withPageNotes(findImages($, base), page, base);
  const merged = withReadabilityFallbacks(metadata, extracted);
  const captions = captionTexts([lead, ...found.map(({ info }) => info)]);
  removals.push(...applyFilters($, filtersOfStage(stage.filters, 'article'), contextFrom(merged, captions, stage.url), 'article'));
  $('[class]').removeAttr('class');
  $('[style]').removeAttr('style');

  const blocks = buildBlocks($);
  const text = blocksToText(blocks);
  if (text.trim() === '') throw new CleanError('E_NO_ARTICLE', 'no article text left on the page', stage.source);
  const kept = keptImages(found);
  // A declared lead is only ever replaced when the page does not show it, so a shown one heads the list.
  const images = withLeadImage(leadFound?.shown ? lead : null, kept);
  return assembleArticle({
    source: stage.source,
    url: stage.url,
    metadata: settleLang(merged, text),
    leadImage: chooseLead(lead, leadFound?.shown ?? false, kept),
    images,
    blocks,
    text,
    // Safe by construction: no script, handler or javascript:/data: link survives (sanitize.ts).
    html: sharedSanitizer().sanitize(withoutWrappers($)).trim(),
    removals,
    explain: stage.explain,
  });
}

function captionTexts(images: ReadonlyArray<ImageInfo | null>): string[] {
  // A caption is also printed with its credit after it ("Caption. (AP Photo/Jane Doe)").
  return images
    .flatMap((image) => [image?.caption, image?.alt, image?.caption && image.credit ? `${image.caption} ${image.credit}` : null])
    .filter((text): text is string => !!text);
}

/** The caption and credit JSON-LD gives its image fill what the page's markup left empty. */
function withDeclaredNotes(lead: LeadImageFound | null, metadata: PageMetadata): LeadImageFound | null {
  if (!lead || (metadata.imageCaption === null && metadata.imageCredit === null)) return lead;
  const caption = lead.info.caption ?? metadata.imageCaption;
  const credit = lead.info.credit ?? (metadata.imageCredit && metadata.imageCredit !== caption ? metadata.imageCredit : null);
  return { ...lead, info: { ...lead.info, caption, credit } };
}

/** The lead image first, once: the article's own copy of it gives way to the page's fuller record. */
function withLeadImage(lead: ImageInfo | null, images: ImageInfo[]): ImageInfo[] {
  if (!lead) return images;
  const key = lead.url ? pictureKey(lead.url) : null;
  return [lead, ...images.filter((image) => image.url !== lead.url && (key === null || !image.url || pictureKey(image.url) !== key))];
}

function cleanDump(text: string, stage: StageOptions): Article {
  const lines = splitLines(text);
  const title = lines[0]?.text ?? null;
  const siteName = siteNameFromSuffixes(lines);
  const figure = findLeadFigure(lines, siteName);
  const captions = figure?.caption ? [figure.caption] : [];
  const ctx: FilterContext = { url: stage.url, title, siteName, lang: null, authors: [], captions };
  const { kept, removals } = applyLineFilters(lines, stage.filters, ctx);
  if (kept.length === 0) throw new CleanError('E_NO_ARTICLE', 'no article text in the dump', stage.source);

  const blocks = kept.map((line) => ({ type: 'p' as const, text: line.text }));
  const body = blocksToText(blocks);
  const lang = detectLang(body);
  const metadata: PageMetadata = {
    title,
    byline: null,
    authors: [],
    organizations: [],
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
    declaredLangs: lang ? [lang] : [],
    imageCaption: null,
    imageCredit: null,
    // A dump carries no tags: its title is the first line and its site name a repeated suffix.
    sources: { ...(title ? { title: 'title' } : {}), ...(siteName ? { siteName: 'title-suffix' } : {}), ...(lang ? { lang: 'detected' } : {}) },
  };
  const images = figure ? [{ url: null, alt: null, caption: figure.caption, credit: figure.credit }] : [];
  const leadImage = images[0] ?? null;
  return assembleArticle({
    source: stage.source,
    url: stage.url,
    metadata,
    leadImage,
    images,
    blocks,
    text: body,
    html: blocks.map((block) => `<p>${escapeHtml(block.text)}</p>`).join('\n'),
    removals,
    explain: stage.explain,
  });
}
