// src/extract/images.ts
// Reads images with their alt text, caption and credit, and finds the lead image on the full
// page, where it often sits above the part Readability keeps.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';
import type { ImageInfo } from '../types.js';
import { captionOf } from './captions.js';

/** An image record and the <img> it came from, so images removed by filters can be dropped. */
export interface FoundImage {
  node: Element;
  info: ImageInfo;
}

function imageUrl(img: Cheerio<Element>, base: string): string | null {
  const raw = img.attr('src') ?? img.attr('data-src') ?? img.attr('srcset')?.split(/\s+/)[0];
  if (!raw || raw.startsWith('data:')) return null;
  try {
    return new URL(raw, base).href;
  } catch {
    return null;
  }
}

function describe($: CheerioAPI, element: Element, base: string): FoundImage | null {
  const img = $(element);
  const url = imageUrl(img, base);
  if (!url) return null;
  const alt = collapseSpaces(img.attr('alt') ?? img.attr('title') ?? '') || null;
  return { node: element, info: { url, alt, ...captionOf($, img) } };
}

export function findImages($: CheerioAPI, base: string): FoundImage[] {
  return $('img')
    .toArray()
    .map((element) => describe($, element, base))
    .filter((found): found is FoundImage => found !== null);
}

/** The images whose <img> is still in the article after filtering. */
export function keptImages(found: readonly FoundImage[]): ImageInfo[] {
  return found.filter(({ node }) => isAttached(node)).map(({ info }) => info);
}

function isAttached(node: Element): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'root') return true;
  return false;
}

/** The file name of an image URL, so a resized or re-hosted copy of the declared image still matches. */
function imageKey(url: string): string {
  try {
    return new URL(url).pathname.split('/').pop()?.toLowerCase() ?? url;
  } catch {
    return url;
  }
}

/** The lead image, and whether the page shows it (only a shown image belongs in `images`). */
export interface LeadImageFound {
  info: ImageInfo;
  shown: boolean;
}

function resolve(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * The lead image on the whole page, read before any filter runs. A declared image (og:image and
 * the like) always wins: with its caption and credit when the page shows it, bare when it does
 * not. Only a page that declares none falls back to the first <figure> image of the article area.
 */
export function findLeadImage($: CheerioAPI, declaredUrl: string | null, base: string): LeadImageFound | null {
  if (declaredUrl) {
    const key = imageKey(declaredUrl);
    const shown = $('body img')
      .toArray()
      .find((element) => {
        const url = imageUrl($(element), base);
        return url !== null && (url === declaredUrl || imageKey(url) === key);
      });
    const found = shown ? describe($, shown, base) : null;
    if (found) return { info: found.info, shown: true };
    return { info: { url: resolve(declaredUrl, base), alt: null, caption: null, credit: null }, shown: false };
  }
  const figure = $('article figure img, main figure img, [itemprop="articleBody"] figure img').first()[0];
  const found = figure ? describe($, figure, base) : null;
  return found ? { info: found.info, shown: true } : null;
}
