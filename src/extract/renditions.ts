// src/extract/renditions.ts
// The addresses an <img> declares for its picture (src, lazy-loading attributes, srcset entries,
// a <picture>'s sources), which of them are renditions of one picture (pictureKey), and which
// rendition is the largest the page declares.

import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import { absoluteHttpUrl } from '../metadata/meta-tags.js';
import { closestElement, compileSelector, findElements } from '../parse/select.js';
import { pictureKey, RENDITION_PARAMS } from './picture-key.js';

/** Lazy-loading attributes that hold the real address while `src` holds a placeholder. */
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src'] as const;
const LAZY_SRCSETS = ['srcset', 'data-srcset', 'data-lazy-srcset'] as const;
const IS_PICTURE = compileSelector('picture');
const IS_SOURCE_SET = compileSelector('source[srcset]');

/** The <source srcset> elements of the <picture> around the image, in page order. */
function pictureSources(img: Cheerio<Element>): Element[] {
  const picture = img[0] ? closestElement(img[0], IS_PICTURE) : null;
  return picture ? findElements(picture, IS_SOURCE_SET) : [];
}

/** A 1x1 spacer or a "loading" picture a script swaps out: no picture of the story. */
const PLACEHOLDER =
  /^data:|(?:^|[/_.-])(?:blank|spacer|placeholder|transparent|pixel|1x1|lazy|lazyload|loading|grey|gray)(?:[-_.][\w-]{0,12})?\.(?:gif|png|svg)(?:$|\?)/i;

interface SrcsetEntry {
  url: string;
  /** "1024w" gives 1024 (a width in pixels), "2x" gives 2 (a density), none gives 1x. */
  size: number;
  unit: 'w' | 'x';
}

function srcsetEntries(srcset: string | undefined): SrcsetEntry[] {
  const entries: SrcsetEntry[] = [];
  for (const entry of (srcset ?? '').split(/,\s+/)) {
    const [url, descriptor = '1x'] = entry.trim().split(/\s+/);
    if (!url || PLACEHOLDER.test(url)) continue;
    entries.push({ url, size: Number.parseFloat(descriptor) || 1, unit: descriptor.endsWith('w') ? 'w' : 'x' });
  }
  return entries;
}

/** The widest entry of a srcset ("a.jpg 320w, b.jpg 1024w" gives b.jpg; "2x" counts as 2). */
function largestOfSrcset(srcset: string | undefined): string | undefined {
  let best: SrcsetEntry | undefined;
  for (const entry of srcsetEntries(srcset)) if (!best || entry.size > best.size) best = entry;
  return best?.url;
}

/** An address worth following: no spacer, no script settings blob, http(s) only. */
function usableUrl(candidate: string | undefined, base: string): string | null {
  const raw = candidate?.trim();
  // A script's settings blob in a data attribute ('{"default":{"src":…}}') is no address.
  if (!raw || !/^[^\s{["<]+$/.test(raw) || PLACEHOLDER.test(raw)) return null;
  return absoluteHttpUrl(raw, base) ?? null;
}

/**
 * The picture's address: the largest srcset rendition the page declares, else the lazy-loading
 * address, else src, skipping placeholders (a page whose src is a spacer GIF still has its photo).
 * Only an http(s) address, relative ones resolved against the page: `url` in the JSON is a link
 * people open and other programs follow, so `javascript:`, `data:`, `file:` and the like are
 * passed over like placeholders (the next candidate may be the real picture), whatever their case
 * or entities.
 */
export function imageUrl(img: Cheerio<Element>, base: string): string | null {
  const candidates = [
    ...LAZY_SRCSETS.map((name) => largestOfSrcset(img.attr(name))),
    ...LAZY_SOURCES.map((name) => img.attr(name)),
    img.attr('src'),
    largestOfSrcset(pictureSources(img)[0]?.attribs['srcset']),
  ];
  for (const candidate of candidates) {
    const url = usableUrl(candidate, base);
    if (url) return url;
  }
  return null;
}

/**
 * One address of a picture. `width`: the file's width as a srcset's "1024w" states it. `shownWidth`:
 * the width attribute (times a srcset's "2x"), the size the page lays it out at, which says less
 * about the file (an upload shown at 800 pixels is no 800-pixel file).
 */
export interface Rendition {
  url: string;
  width: number | null;
  shownWidth: number | null;
}

/** A whole number of pixels in a width attribute ("1024", not "100%" or "auto"). */
function widthAttribute(img: Cheerio<Element>): number | null {
  const value = img.attr('width')?.trim();
  return value && /^\d{1,5}$/.test(value) ? Number(value) : null;
}

/** Every address an <img> declares (srcset entries, lazy-loading addresses, src) with the widths the page gives them. */
export function renditionsOf(img: Cheerio<Element>, base: string): Rendition[] {
  const laidOut = widthAttribute(img);
  const found: Rendition[] = [];
  const add = (candidate: string | undefined, width: number | null, shownWidth: number | null) => {
    const url = usableUrl(candidate, base);
    if (url) found.push({ url, width, shownWidth });
  };
  const sources = pictureSources(img);
  const srcsets = [...LAZY_SRCSETS.map((name) => img.attr(name)), ...sources.map((source) => source.attribs['srcset'])];
  for (const entry of srcsets.flatMap(srcsetEntries)) {
    if (entry.unit === 'w') add(entry.url, entry.size, null);
    else add(entry.url, null, laidOut === null ? null : Math.round(entry.size * laidOut));
  }
  for (const name of LAZY_SOURCES) add(img.attr(name), null, laidOut);
  add(img.attr('src'), null, laidOut);
  return found;
}

/** The width in a rendition's size suffix: 1024 in "photo-1024x683.jpg". */
const SUFFIX_WIDTH = /[-_](\d{2,4})x\d{2,4}(?=\.\w+$)/;

/** Jetpack's and WordPress.com's "?fit=4675,2337" and "?resize=900,600": width, height. */
const SIZE_PAIR = /^(\d{2,5}),\d{2,5}$/;

/**
 * How wide a rendition is by its name or query ("-1024x683", "?w=1200", "?resize=900,600"), or
 * null when they say nothing. A file with neither a size suffix nor a rendition parameter is the
 * upload the renditions were cut from: the largest (Infinity).
 */
function widthByName(url: string): number | null {
  const suffix = SUFFIX_WIDTH.exec(url.replace(/[?#].*$/, ''));
  if (suffix?.[1]) return Number(suffix[1]);
  try {
    const params = new URL(url).searchParams;
    const asked = Number.parseInt(params.get('w') ?? params.get('width') ?? '', 10);
    if (asked > 0) return asked;
    const pair = SIZE_PAIR.exec(params.get('fit') ?? params.get('resize') ?? '');
    if (pair?.[1]) return Number(pair[1]);
    return [...params.keys()].some((name) => RENDITION_PARAMS.has(name.toLowerCase())) ? null : Number.POSITIVE_INFINITY;
  } catch {
    return null;
  }
}

/** One rendition whatever the host or scheme it is linked with: the path and query. */
function renditionId(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/**
 * The largest rendition of the picture `shownUrl` shows among those the page declares (same
 * pictureKey). Widths by trust: a srcset's "1024w" (the largest said), then the name or query
 * (no wider than a srcset says the upload is), then the width the page lays it out at, else 0. `shownUrl` itself on a tie, so a page that says
 * no more keeps the picture it shows; an http address of the shown page's https host is upgraded.
 */
export function largestRendition(shownUrl: string, renditions: readonly Rendition[]): string {
  const key = pictureKey(shownUrl);
  const shownId = renditionId(shownUrl);
  const urls = new Map([[shownId, shownUrl]]);
  const stated = new Map<string, number>();
  const laidOut = new Map<string, number>();
  const keepMax = (widths: Map<string, number>, id: string, width: number | null) => {
    if (width !== null) widths.set(id, Math.max(width, widths.get(id) ?? 0));
  };
  for (const { url, width, shownWidth } of renditions) {
    if (pictureKey(url) !== key) continue;
    const id = renditionId(url);
    if (!urls.has(id)) urls.set(id, url);
    keepMax(stated, id, width);
    keepMax(laidOut, id, shownWidth);
  }
  // A srcset width given to the upload caps what a name or query asks ("?w=640" of a 480-pixel upload is 480 pixels).
  const uploadWidth = Math.min(...[...stated].filter(([id]) => widthByName(urls.get(id) ?? id) === Number.POSITIVE_INFINITY).map(([, width]) => width));
  const byName = (id: string) => {
    const width = widthByName(urls.get(id) ?? id);
    return width === null ? null : Math.min(width, uploadWidth);
  };
  const widthOf = (id: string) => stated.get(id) ?? byName(id) ?? laidOut.get(id) ?? 0;
  let best = shownId;
  for (const id of urls.keys()) if (widthOf(id) > widthOf(best)) best = id;
  return sameHostHttps(urls.get(best) ?? shownUrl, shownUrl);
}

/** "http://h.example/a.jpg" as "https://h.example/a.jpg" when the shown picture comes from https://h.example. */
function sameHostHttps(url: string, shownUrl: string): string {
  const shown = new URL(shownUrl);
  const chosen = new URL(url);
  if (chosen.protocol === 'http:' && shown.protocol === 'https:' && chosen.host === shown.host) chosen.protocol = 'https:';
  return chosen.href;
}
