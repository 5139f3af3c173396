// src/metadata/index.ts
// Reads every metadata source and merges them field by field in a fixed priority order
// (FIELD_PRIORITY, copied in README "Metadata"). It runs before Readability, which mutates the document.

import type { CheerioAPI } from 'cheerio';
import { FALLBACK_BASE_URL } from '../parse/dom.js';
import { detectLang, langContradictsText } from '../text/lang.js';
import { readByline } from './byline.js';
import { readDataLayer } from './data-layer.js';
import { namesIn } from './byline-text.js';
import { readVisibleHeadline, sameWording, titleAsShown } from './headline.js';
import { readJsonLd } from './json-ld.js';
import { absoluteHttpUrl, readDublinCore, readMetaMap, readOpenGraph, readPlainMeta, readTwitterCard, type UrlBases } from './meta-tags.js';
import { readMicrodata, readTimeElements } from './microdata.js';
import { readPageDeclarations } from './page.js';
import { siteNameFromTitle, stripSiteName } from './title.js';
import type { MetadataField, MetadataFields, MetadataSource, MetadataSources, PageMetadata } from './types.js';
import { sortCredits } from './credits.js';
import { readCredits } from './credit-sources.js';
import { dateFromUrl, readVisibleDates } from './visible-date.js';
import { mostPreciseDate } from './date-precision.js';
import { findPageZone, type PageZone, whenNeeded } from './zone.js';
import { readVisibleTags } from './visible-tags.js';

export type { MetadataSource, MetadataSources, PageMetadata } from './types.js';
export { siteNameFromTitle, stripSiteName } from './title.js';

type SourceTable = Partial<Record<MetadataSource, MetadataFields>>;

/**
 * Each field's sources, most trusted first. Structured data the publisher writes for machines
 * (JSON-LD, OpenGraph) beats tags written for old crawlers, which beat what we infer from the
 * visible page. The language is the exception: <html lang> is what the page says about itself.
 */
export const FIELD_PRIORITY: Readonly<Record<MetadataField, readonly MetadataSource[]>> = {
  title: ['headline', 'json-ld', 'opengraph', 'twitter', 'dublin-core', 'itemprop', 'meta', 'title'],
  authors: ['json-ld', 'meta', 'opengraph', 'dublin-core', 'itemprop', 'byline', 'data-layer'],
  siteName: ['opengraph', 'json-ld', 'meta', 'dublin-core', 'itemprop', 'title-suffix'],
  publishedTime: ['json-ld', 'opengraph', 'meta', 'dublin-core', 'itemprop', 'time', 'visible-text', 'url'],
  modifiedTime: ['json-ld', 'opengraph', 'meta', 'dublin-core', 'itemprop', 'time', 'visible-text'],
  lang: ['html-lang', 'content-language', 'json-ld', 'opengraph', 'dublin-core', 'meta', 'itemprop'],
  excerpt: ['opengraph', 'meta', 'twitter', 'json-ld', 'dublin-core', 'itemprop'],
  imageUrl: ['opengraph', 'twitter', 'json-ld', 'meta', 'itemprop'],
  canonicalUrl: ['canonical', 'opengraph', 'json-ld'],
  tags: ['json-ld', 'opengraph', 'meta', 'dublin-core', 'itemprop', 'visible-tags', 'keyword-words'],
  section: ['json-ld', 'opengraph', 'meta', 'itemprop'],
};

/**
 * Images resolve against the same base as body images (the page's address, or the fixed fallback),
 * so the declared lead image is found among them; a canonical URL only against a real address.
 * A <base href> moves both, as it does in a browser.
 */
function urlBases($: CheerioAPI, pageUrl: string | null): UrlBases {
  const address = pageUrl ?? FALLBACK_BASE_URL;
  const image = absoluteHttpUrl($('base[href]').first().attr('href'), address) ?? address;
  return { image, page: image.startsWith(FALLBACK_BASE_URL) ? undefined : image };
}

function readSources($: CheerioAPI, bases: UrlBases, zone: PageZone | undefined, rawHtml: string): SourceTable {
  const map = readMetaMap($);
  const page = readPageDeclarations($, bases.page);
  const jsonLd = readJsonLd($, zone);
  return {
    // JSON-LD's addresses are bare strings: only http(s) ones, as every other source gives them.
    'json-ld': { ...jsonLd, imageUrl: absoluteHttpUrl(jsonLd.imageUrl, bases.image), canonicalUrl: absoluteHttpUrl(jsonLd.canonicalUrl, bases.page) },
    opengraph: readOpenGraph(map, bases, zone),
    twitter: readTwitterCard(map, bases, zone),
    meta: readPlainMeta(map, bases, zone),
    'dublin-core': readDublinCore(map, bases, zone),
    itemprop: readMicrodata($, bases, zone),
    time: readTimeElements($, zone),
    byline: readByline($),
    'data-layer': readDataLayer(rawHtml),
    canonical: { canonicalUrl: page.canonicalUrl },
    'html-lang': { lang: page.htmlLang },
    'content-language': { lang: page.contentLanguage },
    title: { title: page.title },
    'title-suffix': { siteName: siteNameFromTitle(page.title) },
  };
}

function isFilled(value: unknown): boolean {
  return value !== undefined && (!Array.isArray(value) || value.length > 0);
}

/** The first source that has the field, and its value. */
function pick<K extends MetadataField>(sources: SourceTable, field: K): [MetadataFields[K], MetadataSource | undefined] {
  for (const source of FIELD_PRIORITY[field]) {
    const value = sources[source]?.[field];
    if (isFilled(value)) return [value, source];
  }
  return [undefined, undefined];
}

/** A date field: the first source's, unless that is a day alone and a later source times that day (date-precision.ts). */
function pickDate(sources: SourceTable, field: 'publishedTime' | 'modifiedTime'): [string | undefined, MetadataSource | undefined] {
  const order = FIELD_PRIORITY[field];
  const at = mostPreciseDate(order.map((source) => sources[source]?.[field]));
  return at >= 0 ? [sources[order[at]!]?.[field], order[at]] : [undefined, undefined];
}

/** The file a URL names, without a CMS size suffix ("photo-585x439.jpg" is "photo.jpg"). */
function fileOf(url: string): string {
  return (url.split(/[?#]/)[0]?.split('/').pop() ?? url).toLowerCase().replace(/[-_]\d{2,4}x\d{2,4}(?=\.\w+$)/, '');
}

/** JSON-LD's image caption and credit, when its image is the lead image (og:image may be another). */
function declaredImageNotes(jsonLd: MetadataFields | undefined, imageUrl: string | null): Pick<PageMetadata, 'imageCaption' | 'imageCredit'> {
  const own = jsonLd?.imageUrl;
  if (!jsonLd || (own && imageUrl && fileOf(own) !== fileOf(imageUrl))) return { imageCaption: null, imageCredit: null };
  return { imageCaption: jsonLd.imageCaption ?? null, imageCredit: jsonLd.imageCredit ?? null };
}

/**
 * The page's language with the region another declaration gives it: <html lang="en"> beside
 * og:locale "en_GB" is British English, whose "04/03/2024" is the 4th of March.
 */
function withRegion(lang: string | null, sources: SourceTable): string | null {
  if (!lang || lang.includes('-')) return lang;
  const regional = FIELD_PRIORITY.lang.map((source) => sources[source]?.lang).find((tag) => tag?.toLowerCase().startsWith(`${lang.toLowerCase()}-`));
  return regional ?? lang;
}

/**
 * Reads the whole page, before any filter touches it. `pageUrl` is its address when known;
 * `rawHtml` is the page as it came, with the scripts the parsed page no longer has (data-layer.ts).
 */
export function readMetadata($: CheerioAPI, pageUrl: string | null, rawHtml = ''): PageMetadata {
  const bases = urlBases($, pageUrl);
  // Dates written without a zone are read in the page's own (zone.ts), else as UTC.
  const zone = whenNeeded(() => findPageZone($, bases.page));
  const sources = readSources($, bases, zone, rawHtml);
  const used: MetadataSources = {};
  const take = <K extends MetadataField>(field: K): MetadataFields[K] => {
    const [value, source] =
      field === 'publishedTime' || field === 'modifiedTime'
        ? (pickDate(sources, field) as [MetadataFields[K], MetadataSource | undefined])
        : pick(sources, field);
    if (source) used[field] = source;
    return value;
  };
  const siteName = take('siteName') ?? null;
  // The visible headline beats the declared ones, which it is checked against (headline.ts);
  // when both say the same, the declared source keeps the credit in metadataSources.
  const declared = pick(sources, 'title')[0];
  const visible = readVisibleHeadline($, declared && stripSiteName(declared, siteName), siteName);
  if (visible && !sameWording(visible, stripSiteName(declared ?? '', siteName))) sources.headline = { title: visible };
  const section = take('section') ?? null;
  const declaredTitle = take('title');
  const shown = declaredTitle ? titleAsShown($, declaredTitle, siteName, section) : undefined;
  if (shown?.fromHeading) used.title = 'headline';
  const title = shown?.title ?? null;
  const { people: authors, organizations, source: creditSource } = readCredits(FIELD_PRIORITY.authors, sources, siteName);
  if (creditSource) used.authors = creditSource;
  const lang = take('lang') ?? null;
  const imageUrl = take('imageUrl') ?? null;
  // Written dates and the URL only when no machine source has a date: they are the slow, unsure ones.
  if (!isFilled(pick(sources, 'publishedTime')[0])) {
    sources['visible-text'] = readVisibleDates($, withRegion(lang, sources), zone);
    sources.url = { publishedTime: dateFromUrl(sources.canonical?.canonicalUrl ?? pageUrl) };
  }
  // The tag list under the story only when the page declares no keywords.
  if (!isFilled(pick(sources, 'tags')[0]))
    sources['visible-tags'] = { tags: readVisibleTags($, bases.page ?? sources.canonical?.canonicalUrl ?? sources.opengraph?.canonicalUrl) };
  // Last, a space-joined keyword string split into its words: rough, but better than no topics.
  if (!isFilled(pick(sources, 'tags')[0])) sources['keyword-words'] = { tags: sources['json-ld']?.keywordWords };
  return {
    title,
    byline: authors.length > 0 ? authors.join(', ') : null,
    authors,
    organizations,
    siteName,
    publishedTime: take('publishedTime') ?? null,
    modifiedTime: take('modifiedTime') ?? null,
    lang,
    excerpt: take('excerpt') ?? null,
    imageUrl,
    canonicalUrl: take('canonicalUrl') ?? null,
    tags: take('tags') ?? [],
    section,
    articleBody: sources['json-ld']?.articleBody ?? null,
    ...declaredImageNotes(sources['json-ld'], imageUrl),
    declaredLangs: FIELD_PRIORITY.lang.map((source) => sources[source]?.lang).filter((tag): tag is string => tag !== undefined),
    sources: used,
  };
}

/** What Readability found on its own: used only for fields no metadata source filled. */
export interface ReadabilityFindings {
  title: string | null;
  byline: string | null;
  siteName: string | null;
}

export function withReadabilityFallbacks(metadata: PageMetadata, found: ReadabilityFindings): PageMetadata {
  const sources: MetadataSources = { ...metadata.sources };
  const fill = <T>(current: T | null, fallback: T | null, field: MetadataField): T | null => {
    if (current !== null || fallback === null) return current;
    sources[field] = 'readability';
    return fallback;
  };
  // Readability's byline is raw text ("By Jane Doe, Reuters"): it gives authors only if it holds names, read as ours (byline-text.ts).
  const siteName = metadata.siteName ?? found.siteName;
  const credited = metadata.authors.length > 0 || metadata.organizations.length > 0 || !found.byline;
  const { people: authors, organizations } = credited
    ? { people: metadata.authors, organizations: metadata.organizations }
    : sortCredits(namesIn(found.byline ?? '', true), siteName);
  if (!credited && (authors.length > 0 || organizations.length > 0)) sources.authors = 'readability';
  return {
    ...metadata,
    title: fill(metadata.title, found.title, 'title'),
    byline: metadata.byline ?? (authors.length > 0 ? authors.join(', ') : null),
    authors,
    organizations,
    siteName: fill(metadata.siteName, found.siteName, 'siteName'),
    sources,
  };
}

const baseOf = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * The declared language unless the text plainly contradicts it (declared "en", text Cyrillic).
 * When the page's own declarations disagree (<html lang="en"> from the template, Content-Language
 * "de"), the text decides between them: the word-based guess picks among what the page declared,
 * never a language it did not.
 */
export function settleLang(metadata: PageMetadata, text: string): PageMetadata {
  const detected = detectLang(text);
  if (!detected) return metadata;
  const declared = metadata.declaredLangs;
  const disagree = new Set(declared.map(baseOf)).size > 1;
  const named = declared.find((tag) => baseOf(tag) === detected);
  if (disagree && named && metadata.lang && baseOf(metadata.lang) !== detected) {
    return { ...metadata, lang: named, sources: { ...metadata.sources, lang: 'detected' } };
  }
  if (metadata.lang && !langContradictsText(metadata.lang, detected)) return metadata;
  return { ...metadata, lang: detected, sources: { ...metadata.sources, lang: 'detected' } };
}
