// src/extract/images.ts
// Reads images with their alt text, caption and credit, and finds the lead image on the full
// page, where it often sits above the part Readability keeps.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';
import type { ImageInfo } from '../types.js';
import { captionOf } from './captions.js';

export { splitCaption } from './captions.js';

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

/**
 * The lead image on the whole page: the one the page declares (og:image) if it is shown,
 * else the first image in a <figure> of the article area. Read before any filter runs.
 */
export function findLeadImage($: CheerioAPI, declaredUrl: string | null, base: string): FoundImage | null {
  if (declaredUrl) {
    const key = imageKey(declaredUrl);
    const shown = $('body img')
      .toArray()
      .find((element) => {
        const url = imageUrl($(element), base);
        return url !== null && (url === declaredUrl || imageKey(url) === key);
      });
    if (shown) return describe($, shown, base);
  }
  const figure = $('article figure img, main figure img, [itemprop="articleBody"] figure img').first()[0];
  return figure ? describe($, figure, base) : null;
}
