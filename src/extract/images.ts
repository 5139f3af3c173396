// src/extract/images.ts
// Reads images with their alt text, caption and credit, and finds the lead image on the full
// page, where it often sits above the part Readability keeps.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { absoluteHttpUrl } from '../metadata/meta-tags.js';
import { collapseSpaces } from '../text/normalize.js';
import type { ImageInfo } from '../types.js';
import { captionOf, markedCaptionOf } from './captions.js';
import { imageKey, pictureKey } from './picture-key.js';
import { imageUrl, largestRendition, type Rendition, renditionsOf } from './renditions.js';
import { closestElement, compileSelector } from '../parse/select.js';

/** An image record and the <img> it came from, so images removed by filters can be dropped. */
export interface FoundImage {
  node: Element;
  info: ImageInfo;
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

/** Rails, teasers and footers show thumbnails of the same photo for other stories. */
const ELSEWHERE = 'aside, nav, footer, [class*="related" i], [class*="teaser" i], [class*="recommend" i], [class*="thumb" i]';
const IS_ELSEWHERE = compileSelector(ELSEWHERE);

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
    const inStory = shown.filter(({ node }) => closestElement(node, IS_ELSEWHERE) === null);
    const found = [...inStory, ...shown].find(({ info }) => info.caption !== null || info.credit !== null) ?? inStory[0] ?? shown[0];
    if (found) {
      const declaredToo = [{ url: declaredUrl, width: null, shownWidth: null }, ...shown.flatMap(({ node }) => renditionsOf($(node), base))];
      return { info: atLargest(found.info, declaredToo), shown: true };
    }
    return { info: { url: declaredUrl, alt: null, caption: null, credit: null }, shown: false };
  }
  const figure = $('article figure img, main figure img, [itemprop="articleBody"] figure img').first()[0];
  const found = figure ? describe($, figure, base) : null;
  return found ? { info: atLargest(found.info, renditionsOf($(figure), base)), shown: true } : null;
}

/**
 * One URL per picture, its largest: among the renditions the page declares of the picture it
 * shows ("-1024x683" beside the un-suffixed upload in og:image, srcset widths), while caption and
 * credit stay those of the rendition shown.
 */
function atLargest(info: ImageInfo, renditions: readonly Rendition[]): ImageInfo {
  return info.url ? { ...info, url: largestRendition(info.url, renditions) } : info;
}
