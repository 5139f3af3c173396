// src/extract/images.ts
// Reads images with their alt text, caption and credit, and finds the lead image on the full
// page, where it often sits above the part Readability keeps.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { absoluteHttpUrl } from '../metadata/meta-tags.js';
import { collapseSpaces } from '../text/normalize.js';
import type { ImageInfo } from '../types.js';
import { captionOf, markedCaptionOf } from './captions.js';

/** An image record and the <img> it came from, so images removed by filters can be dropped. */
export interface FoundImage {
  node: Element;
  info: ImageInfo;
}

/** Lazy-loading attributes that hold the real address while `src` holds a placeholder. */
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src'] as const;
const LAZY_SRCSETS = ['srcset', 'data-srcset', 'data-lazy-srcset'] as const;
/** A 1x1 spacer or a "loading" picture a script swaps out: no picture of the story. */
const PLACEHOLDER =
  /^data:|(?:^|[/_.-])(?:blank|spacer|placeholder|transparent|pixel|1x1|lazy|lazyload|loading|grey|gray)(?:[-_.][\w-]{0,12})?\.(?:gif|png|svg)(?:$|\?)/i;

/** The widest entry of a srcset ("a.jpg 320w, b.jpg 1024w" gives b.jpg; "2x" counts as 2). */
function largestOfSrcset(srcset: string | undefined): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const entry of (srcset ?? '').split(/,\s+/)) {
    const [url, descriptor = '1x'] = entry.trim().split(/\s+/);
    const size = Number.parseFloat(descriptor) || 1;
    if (url && !PLACEHOLDER.test(url) && (!best || size > best.size)) best = { url, size };
  }
  return best?.url;
}

/**
 * The picture's address: the largest srcset rendition the page declares, else the lazy-loading
 * address, else src, skipping placeholders (a page whose src is a spacer GIF still has its photo).
 * Only an http(s) address, relative ones resolved against the page: `url` in the JSON is a link
 * people open and other programs follow, so `javascript:`, `data:`, `file:` and the like are
 * passed over like placeholders (the next candidate may be the real picture), whatever their case
 * or entities.
 */
function imageUrl(img: Cheerio<Element>, base: string): string | null {
  const candidates = [
    ...LAZY_SRCSETS.map((name) => largestOfSrcset(img.attr(name))),
    ...LAZY_SOURCES.map((name) => img.attr(name)),
    img.attr('src'),
    largestOfSrcset(img.closest('picture').find('source[srcset]').first().attr('srcset')),
  ];
  for (const candidate of candidates) {
    const raw = candidate?.trim();
    // A script's settings blob in a data attribute ('{"default":{"src":…}}') is no address.
    if (!raw || !/^[^\s{["<]+$/.test(raw) || PLACEHOLDER.test(raw)) continue;
    const url = absoluteHttpUrl(raw, base);
    if (url) return url;
  }
  return null;
}

function describe($: CheerioAPI, element: Element, base: string): FoundImage | null {
  const img = $(element);
  const url = imageUrl(img, base);
  if (!url) return null;
  const alt = collapseSpaces(img.attr('alt') ?? img.attr('title') ?? '') || null;
  return { node: element, info: { url, alt, ...captionOf($, img) } };
}

/** Every picture once: renditions of one picture (srcset entries, "-585x439" copies) share a key. */
export function findImages($: CheerioAPI, base: string): FoundImage[] {
  const byKey = new Map<string, FoundImage>();
  const found: FoundImage[] = [];
  for (const element of $('img').toArray()) {
    const image = describe($, element, base);
    if (!image?.info.url) continue;
    const key = pictureKey(image.info.url);
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, image);
      found.push(image);
    } else {
      // A second rendition may be the one with the caption (a lightbox copy beside the inline one).
      first.info.caption ??= image.info.caption;
      first.info.credit ??= image.info.credit;
    }
  }
  return found;
}

/**
 * Readability drops the wrappers a photo viewer keeps its caption in (data-caption on a div,
 * a caption div beside the image): an article image without caption or credit takes them from
 * the same picture on the page.
 */
export function withPageNotes(found: FoundImage[], page: CheerioAPI, base: string): FoundImage[] {
  if (!found.some(({ info }) => info.caption === null || info.credit === null)) return found;
  const onPage = new Map<string, Element>();
  for (const element of page('img').toArray()) {
    const url = imageUrl(page(element), base);
    if (url && !onPage.has(pictureKey(url))) onPage.set(pictureKey(url), element);
  }
  return found.map((image) => {
    const element = image.info.url ? onPage.get(pictureKey(image.info.url)) : undefined;
    if (!element || (image.info.caption !== null && image.info.credit !== null)) return image;
    const notes = markedCaptionOf(page, page(element));
    return { node: image.node, info: { ...image.info, caption: image.info.caption ?? notes.caption, credit: image.info.credit ?? notes.credit } };
  });
}

/** The images whose <img> is still in the article after filtering. */
export function keptImages(found: readonly FoundImage[]): ImageInfo[] {
  return found.filter(({ node }) => isAttached(node)).map(({ info }) => info);
}

function isAttached(node: Element): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'root') return true;
  return false;
}

/** A size suffix a CMS adds to each rendition: "photo-585x439.jpg", "photo_800x600.webp". */
const SIZE_SUFFIX = /[-_]\d{2,4}x\d{2,4}(?=\.\w+$)/;

const RENDITION_PARAMS = new Set([
  'w',
  'h',
  'width',
  'height',
  'resize',
  'fit',
  'crop',
  'quality',
  'q',
  'dpr',
  'strip',
  'ssl',
  'format',
  'fm',
  'auto',
  'retina',
  'zoom',
]);

/**
 * One picture's renditions in one page: the path without its size suffix. Query strings
 * ("?w=1200") pick renditions of the same file; the folder is kept, since some CDNs name every
 * file after its size ("…/18826133/3/920x920.jpg").
 */
export function pictureKey(url: string): string {
  try {
    const parsed = new URL(url);
    // Size and quality parameters pick a rendition; any other ("image.php?src=…") names the picture.
    const naming = [...parsed.searchParams.entries()].filter(([name]) => !RENDITION_PARAMS.has(name.toLowerCase()));
    return `${parsed.pathname.toLowerCase().replace(SIZE_SUFFIX, '')}?${new URLSearchParams(naming).toString()}`;
  } catch {
    return url;
  }
}

/** The file name of an image URL without its size suffix, so a resized or re-hosted copy still matches. */
export function imageKey(url: string): string {
  try {
    return (new URL(url).pathname.split('/').pop()?.toLowerCase() ?? url).replace(SIZE_SUFFIX, '');
  } catch {
    return url;
  }
}

/** Rails, teasers and footers show thumbnails of the same photo for other stories. */
const ELSEWHERE = 'aside, nav, footer, [class*="related" i], [class*="teaser" i], [class*="recommend" i], [class*="thumb" i]';

/** The lead image, and whether the page shows it (only a shown image belongs in `images`). */
export interface LeadImageFound {
  info: ImageInfo;
  shown: boolean;
}

/**
 * The lead image on the whole page, read before any filter runs. A declared image (og:image and
 * the like) always wins: with its caption and credit when the page shows it, bare when it does
 * not. Only a page that declares none falls back to the first <figure> image of the article area.
 */
export function findLeadImage($: CheerioAPI, declared: string | null, base: string): LeadImageFound | null {
  // The metadata readers take http(s) addresses only; this holds whatever the caller passes.
  const declaredUrl = absoluteHttpUrl(declared ?? undefined, base) ?? null;
  if (declaredUrl) {
    const key = imageKey(declaredUrl);
    // Every rendition of the declared picture on the page; the one with a caption tells most
    // (a thumbnail of the same photo in a rail has none).
    const shown = $('body img')
      .toArray()
      .filter((element) => {
        const url = imageUrl($(element), base);
        return url !== null && (url === declaredUrl || imageKey(url) === key);
      })
      .map((element) => describe($, element, base))
      .filter((found): found is FoundImage => found !== null);
    const inStory = shown.filter(({ node }) => $(node).closest(ELSEWHERE).length === 0);
    const found = [...inStory, ...shown].find(({ info }) => info.caption !== null || info.credit !== null) ?? inStory[0] ?? shown[0];
    if (found) return { info: found.info, shown: true };
    return { info: { url: declaredUrl, alt: null, caption: null, credit: null }, shown: false };
  }
  const figure = $('article figure img, main figure img, [itemprop="articleBody"] figure img').first()[0];
  const found = figure ? describe($, figure, base) : null;
  return found ? { info: found.info, shown: true } : null;
}
