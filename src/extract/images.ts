// src/extract/images.ts
// Reads the article's images with their alt text, caption and credit, keeping caption and
// credit apart ("Putin in Sochi. © AFP / Photographer" -> caption + credit).

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { CREDIT_PREFIX } from '../filters/patterns.js';
import { CREDIT_TOKENS, elementTokens, hasToken, tokenSet } from '../filters/tokens.js';
import { collapseSpaces } from '../text/normalize.js';
import type { ImageInfo } from '../types.js';

const CREDIT_SET = tokenSet(CREDIT_TOKENS);
/** A credit inside a caption: "© …", "Photo: …", "Фото: …" up to the end. */
const INLINE_CREDIT = /(?:^|\s|[|/(])((?:©|\(c\)|photo(?:graph)?\s*:|photo by|image\s*:|credit\s*:|foto\s*:|фото\s*:|bild\s*:|crédit\s*(?:photo)?\s*:|写真\s*[:：]|사진\s*[=:]).*)$/iu;

export function splitCaption(text: string): { caption: string | null; credit: string | null } {
  const clean = collapseSpaces(text);
  if (clean === '') return { caption: null, credit: null };
  if (CREDIT_PREFIX.test(clean)) return { caption: null, credit: clean };
  const match = INLINE_CREDIT.exec(clean);
  if (!match?.[1]) return { caption: clean, credit: null };
  const caption = collapseSpaces(clean.slice(0, clean.length - match[1].length).replace(/[|/(]\s*$/, ''));
  return { caption: caption === '' ? null : caption, credit: collapseSpaces(match[1].replace(/\)\s*$/, '')) };
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

function captionOf($: CheerioAPI, img: Cheerio<Element>): { caption: string | null; credit: string | null } {
  const figcaption = img.closest('figure').find('figcaption').first();
  if (figcaption.length === 0) return { caption: null, credit: null };
  const creditNode = figcaption.find('*').filter((_, element) =>
    hasToken(elementTokens($(element).attr('class') ?? '', $(element).attr('id') ?? ''), CREDIT_SET),
  ).first();
  if (creditNode.length === 0) return splitCaption(figcaption.text());
  const credit = collapseSpaces(creditNode.text());
  const rest = figcaption.clone();
  rest.find('*').filter((_, element) => collapseSpaces($(element).text()) === credit).remove();
  const caption = collapseSpaces(rest.text());
  return { caption: caption === '' ? null : caption, credit: credit === '' ? null : credit };
}

export function readImages($: CheerioAPI, base: string): ImageInfo[] {
  const images: ImageInfo[] = [];
  $('img').each((_, element) => {
    const img = $(element);
    const url = imageUrl(img, base);
    if (!url) return;
    const alt = collapseSpaces(img.attr('alt') ?? img.attr('title') ?? '') || null;
    images.push({ url, alt, ...captionOf($, img) });
  });
  return images;
}
