// src/extract/captions.ts
// Finds an image's caption and credit, in a <figure> or in the caption-like element right after
// the image, and keeps the two apart ("Putin in Sochi. © AFP / Photographer").

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { HIDDEN, hiddenByClass } from '../filters/page-chrome.js';
import { CREDIT_AGENCY_SUFFIX, CREDIT_PREFIX } from '../filters/patterns.js';
import { CREDIT_TOKENS, elementTokens, hasToken, tokenSet } from '../filters/tokens.js';
import { boundedReadableText } from '../text/dom-text.js';
import { collapseSpaces, textKey } from '../text/normalize.js';

export interface CaptionParts {
  caption: string | null;
  credit: string | null;
}

const CREDIT_SET = tokenSet(CREDIT_TOKENS);
/** class/id tokens of caption containers outside <figure>. */
const CAPTION_SET = tokenSet([
  'caption',
  'captions',
  'figcaption',
  'legend',
  'cutline',
  'photoinfo',
  'phototext',
  'imagetext',
  'imgtext',
  'description',
  'desc',
  'subtitle',
]);
/** A credit inside a caption: "© …", "Photo: …", "Фото: …" up to the end. */
const INLINE_CREDIT =
  /(?:^|\s|[|/(])((?:©|\(c\)|photo(?:graph)?\s*:|photo by|image\s*:|credit\s*:|foto\s*:|фото\s*:|bild\s*:|crédit\s*(?:photo)?\s*:|quelle\s*:|source\s*:|fuente\s*:|fonte\s*:|источник\s*:|写真\s*[:：]|图片来源|사진\s*[=:]).*)$/iu;
const MAX_CAPTION_CHARS = 400;
/** Wire-style credit in parentheses at the end of a caption: "(AP Photo/Jane Doe)", "(NASA via AP, File)". */
const TRAILING_PAREN_CREDIT =
  /\s*\(([^()]{0,80}\b(?:AP|AFP|Reuters|REUTERS|Getty(?: Images)?|EPA|Shutterstock|dpa|DPA|Xinhua|TASS|Bloomberg|Anadolu)\b[^()]{0,60})\)\s*$/u;

/** Separators a caption keeps when its credit is cut off after it ("Caption — © Agency"). */
const TRAILING_SEPARATOR = /[\s|/(—–-]+$/u;

/** Markup printed as text (a <noscript> fallback read as a string, an escaped data attribute). */
const PRINTED_TAG = /<\/?[a-z][^<>]*>/gi;

/** A slideshow's position printed before each caption: "1 of 4", "2/12", "3 von 9" (often glued: "1of4"). */
const GALLERY_COUNTER = /^\(?\d{1,3}\s*(?:of|von|de|sur|di|van|из|\/)\s*\d{1,3}\)?(?=[\s\p{Lu}"“„«]|$)\s*/iu;

function tidyCaption(text: string): string | null {
  return collapseSpaces(text.replace(PRINTED_TAG, ' ')).replace(GALLERY_COUNTER, '').replace(TRAILING_SEPARATOR, '') || null;
}

/** A credit names someone: the label alone ("Copyright", "©", "Foto:") credits no one. */
const LABEL_ONLY = /^[([]?\s*(?:©|ⓒ|\(c\)|copyright|photo|foto|фото|bild|image|credit|quelle|source)?\s*[:.)\]]?\s*$/iu;

function tidyCredit(text: string | null | undefined): string | null {
  const credit = collapseSpaces((text ?? '').replace(PRINTED_TAG, ' '));
  return credit === '' || LABEL_ONLY.test(credit) ? null : credit;
}

/**
 * Caption and credit in adjacent elements read as one text lose the space between them: the
 * credit after a full stop ("…unterstützen.Getty Images") or before the caption ("The Yomiuri
 * ShimbunThe leaders met…"). A capital glued to the end of a sentence, or a short run of
 * capitalised words glued to the next one, is that seam.
 */
const GLUED_TAIL_CREDIT = /(?<=[\p{Ll}\d)][.!?…"”»])(\p{Lu}[\p{L}\d&.' :/-]{1,60})$/u;
const GLUED_HEAD_CREDIT = /^((?:\p{Lu}[\p{L}.'-]*\s){0,4}\p{Lu}\p{Ll}{3,})(?=\p{Lu}\p{Ll})/u;
const MAX_GLUED_CREDIT_WORDS = 6;

function gluedCredit(text: string): CaptionParts | null {
  const tail = GLUED_TAIL_CREDIT.exec(text);
  if (tail?.[1] && tail[1].split(' ').length <= MAX_GLUED_CREDIT_WORDS && !/[.!?]$/.test(tail[1])) {
    return { caption: tidyCaption(text.slice(0, tail.index)), credit: tidyCredit(tail[1]) };
  }
  const head = GLUED_HEAD_CREDIT.exec(text);
  if (head?.[1] && text.length - head[1].length >= 20) return { caption: tidyCaption(text.slice(head[1].length)), credit: tidyCredit(head[1]) };
  return null;
}

/** Agency-only credits are short name lists ("Jane Doe | Getty Images"), never sentences. */
const MAX_AGENCY_CREDIT_CHARS = 80;

/** A whole text that is a photo credit: "© …", "Photo: …", "(Image credit: …)" or "Name | Agency". */
export function isCreditText(text: string): boolean {
  if (CREDIT_PREFIX.test(text)) return true;
  if (text.length > MAX_AGENCY_CREDIT_CHARS || /[.!?]$/.test(text) || !CREDIT_AGENCY_SUFFIX.test(text)) return false;
  return /[|/]/.test(text) || text.split(/\s+/).length <= 5;
}

function tokensOf(element: Element): string[] {
  return elementTokens(element.attribs['class'] ?? '', element.attribs['id'] ?? '');
}

/** Splits "Caption. © Agency / Name" when the credit has no element of its own. */
export function splitCaption(text: string): CaptionParts {
  const clean = collapseSpaces(text.replace(PRINTED_TAG, ' ')).replace(GALLERY_COUNTER, '');
  if (clean === '') return { caption: null, credit: null };
  if (CREDIT_PREFIX.test(clean)) return { caption: null, credit: tidyCredit(clean) };
  const paren = TRAILING_PAREN_CREDIT.exec(clean);
  if (paren?.[1]) return { caption: tidyCaption(clean.slice(0, paren.index)), credit: tidyCredit(paren[1]) };
  const match = INLINE_CREDIT.exec(clean);
  // A caption slot holding only a credit ("Patrick Semansky, ASSOCIATED PRESS") credits the photo.
  if (!match?.[1]) return gluedCredit(clean) ?? (isCreditText(clean) ? { caption: null, credit: tidyCredit(clean) } : { caption: clean, credit: null });
  const caption = tidyCaption(clean.slice(0, clean.length - match[1].length));
  return { caption, credit: tidyCredit(match[1].replace(/\)\s*$/, '')) };
}

function isCreditElement($: CheerioAPI, element: Element): boolean {
  return hasToken(tokensOf(element), CREDIT_SET) || CREDIT_PREFIX.test(collapseSpaces($(element).text()));
}

/**
 * The container without what it hides from sight: a screen-reader label ("Media caption",
 * "Image copyright") glued to the caption it announces. Copied only when there is one to drop.
 */
function withoutHiddenLabels($: CheerioAPI, container: Cheerio<Element>): Cheerio<Element> {
  const isHidden = (_: number, element: Element): boolean => $(element).is(HIDDEN) || hiddenByClass(element.attribs['class']);
  if (container.find('*').filter(isHidden).length === 0) return container;
  const copy = container.clone();
  copy.find('*').filter(isHidden).remove();
  return copy;
}

/** Caption and credit of a caption container: a credit element inside it wins over inline splitting. */
function partsOf($: CheerioAPI, shown: Cheerio<Element>): CaptionParts {
  const container = withoutHiddenLabels($, shown);
  const creditNode = container
    .find('*')
    .filter((_, element) => isCreditElement($, element))
    .first();
  if (creditNode.length === 0) return splitCaption(container.text());
  const creditText = collapseSpaces(creditNode.text());
  const credit = tidyCredit(creditText);
  // The credit element goes from the caption even when it names no one ("Image:" with no name).
  const rest = container.clone();
  rest
    .find('*')
    .filter((_, element) => collapseSpaces($(element).text()) === creditText)
    .remove();
  return { caption: tidyCaption(rest.text()), credit };
}

/** Links a marked caption may hold: its credit's names (photographer, licence, agency). */
const MAX_CREDIT_LINKS = 3;

/** Raw text allowed before an element is too big to be a caption (or an empty wrapper), unread. */
const MAX_RAW_CAPTION_CHARS = MAX_CAPTION_CHARS * 20;

/** More raw text than `max`, found without reading all of a big element's text. */
function holdsMoreThan(node: Cheerio<AnyNode>, max: number): boolean {
  const element = node[0];
  return element !== undefined && boundedReadableText(element, max) === null;
}

function isCaptionLike(_$: CheerioAPI, node: Cheerio<Element>, alt: string): boolean {
  const element = node[0];
  // The rest of the article often follows an image: never read all of it for every image.
  if (holdsMoreThan(node, MAX_RAW_CAPTION_CHARS)) return false;
  const text = collapseSpaces(node.text());
  if (!element || text === '' || text.length > MAX_CAPTION_CHARS || node.find('img').length > 0) return false;
  if (node.is('ul, ol, table, noscript, script')) return false;
  // Marked captions often link their credit ("Image: <a>Name</a>/Flickr"); an unmarked text with a
  // link is prose, and a "caption" holding a headline is a teaser card's text block.
  const links = node.find('a').length;
  if (hasToken(tokensOf(element), CAPTION_SET) || hasToken(tokensOf(element), CREDIT_SET))
    return links <= MAX_CREDIT_LINKS && node.find('h1, h2, h3, h4, h5, h6').length === 0;
  if (links > 0) return false;
  if (
    node
      .find('*')
      .toArray()
      .some((child) => hasToken(tokensOf(child), CAPTION_SET))
  )
    return true;
  if ((alt.length >= 12 && textKey(text).includes(textKey(alt))) || isCreditText(text) || INLINE_CREDIT.test(text) || TRAILING_PAREN_CREDIT.test(text))
    return true;
  // A short text whose next sibling is a credit line is that photo's caption.
  return !holdsMoreThan(node.next(), MAX_RAW_CAPTION_CHARS) && isCreditText(collapseSpaces(node.next().text()));
}

/** The element right after the image (or after the wrappers holding only it) that reads like its caption. */
function captionAfter($: CheerioAPI, img: Cheerio<Element>, alt: string): Cheerio<Element> | null {
  let holder: Cheerio<AnyNode> = img;
  for (let level = 0; level < 3 && holder.length > 0; level++) {
    // A line break between a picture and its caption is layout, not a sibling to read.
    const next = holder.nextAll(':not(br)').first() as Cheerio<Element>;
    if (next.length > 0 && isCaptionLike($, next, alt)) return next;
    const parent = holder.parent();
    if (parent.length === 0 || holdsMoreThan(parent, MAX_RAW_CAPTION_CHARS) || collapseSpaces(parent.text()) !== collapseSpaces(holder.text())) break;
    holder = parent;
  }
  return null;
}

export const DATA_CAPTION_ATTRIBUTES = ['data-caption', 'data-image-caption', 'data-description', 'data-title'] as const;
export const DATA_CREDIT_ATTRIBUTES = ['data-credit', 'data-image-credit', 'data-copyright', 'data-photographer', 'data-source'] as const;

/** Caption and credit a photo viewer keeps in data attributes of the image or its wrappers. */
function dataAttributes(img: Cheerio<Element>): CaptionParts {
  const read = (names: readonly string[]): string | undefined => {
    for (let node = img, level = 0; node.length > 0 && level < 3; node = node.parent() as Cheerio<Element>, level++) {
      for (const name of names) {
        const value = node.attr(name)?.trim();
        if (value) return value;
      }
    }
    return undefined;
  };
  const caption = read(DATA_CAPTION_ATTRIBUTES);
  const credit = read(DATA_CREDIT_ATTRIBUTES);
  if (caption === undefined) return { caption: null, credit: tidyCredit(credit) };
  const parts = splitCaption(caption);
  return { caption: parts.caption, credit: tidyCredit(credit) ?? parts.credit };
}

/** What the markup left empty, filled from the viewer's data attributes. */
function withDataAttributes(found: CaptionParts, img: Cheerio<Element>): CaptionParts {
  if (found.caption !== null && found.credit !== null) return found;
  const data = dataAttributes(img);
  return { caption: found.caption ?? data.caption, credit: found.credit ?? data.credit };
}

export function captionOf($: CheerioAPI, img: Cheerio<Element>): CaptionParts {
  return withDataAttributes(markupCaption($, img), img);
}

/**
 * Only what the page marks as the picture's caption: its figure's figcaption, else the viewer's
 * data attributes. Used where the text after an image is not the article's (the whole page).
 */
export function markedCaptionOf($: CheerioAPI, img: Cheerio<Element>): CaptionParts {
  const figcaption = img.closest('figure').find('figcaption').first();
  return withDataAttributes(figcaption.length > 0 ? partsOf($, figcaption) : { caption: null, credit: null }, img);
}

function markupCaption($: CheerioAPI, img: Cheerio<Element>): CaptionParts {
  const figcaption = img.closest('figure').find('figcaption').first();
  if (figcaption.length > 0) return partsOf($, figcaption);
  const after = captionAfter($, img, collapseSpaces(img.attr('alt') ?? ''));
  if (!after) return { caption: null, credit: null };
  // A wrapper of separate caption and credit children ("photo-info" > "photo-copy" + "photo-text").
  const captionChild = after
    .find('*')
    .filter((_, element) => hasToken(tokensOf(element), CAPTION_SET))
    .first();
  const parts = partsOf($, after);
  const creditAfter = collapseSpaces(after.next().text());
  if (parts.credit === null && parts.caption !== null && isCreditText(creditAfter)) return { caption: parts.caption, credit: tidyCredit(creditAfter) };
  if (captionChild.length > 0 && !hasToken(tokensOf(after[0]!), CAPTION_SET)) {
    return { caption: collapseSpaces(captionChild.text()) || parts.caption, credit: parts.credit };
  }
  return parts;
}
