// src/extract/captions.ts
// Finds an image's caption and credit, in a <figure> or in the caption-like element right after
// the image, and keeps the two apart ("Putin in Sochi. © AFP / Photographer").

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isHiddenElement } from '../filters/page-chrome.js';
import { CREDIT_PREFIX } from '../filters/patterns.js';
import {
  type CaptionParts,
  INLINE_CREDIT,
  isCreditText,
  MAX_CAPTION_CHARS,
  splitCaption,
  TRAILING_PAREN_CREDIT,
  tidyCaption,
  tidyCredit,
} from './caption-text.js';
import { withAttributeNotes } from './caption-attributes.js';
import { CREDIT_TOKENS, elementTokens, hasToken, tokenSet } from '../filters/tokens.js';
import { boundedReadableText } from '../text/dom-text.js';
import { holdsMoreThanOneImage } from './holder-images.js';
import { collapseSpaces, textKey } from '../text/normalize.js';
import { closestElement, compileSelector, firstElement, hasElement, isTag } from '../parse/select.js';

export { type CaptionParts, isCreditText, splitCaption } from './caption-text.js';
export { DATA_CAPTION_ATTRIBUTES, DATA_CREDIT_ATTRIBUTES } from './caption-attributes.js';

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
/**
 * Attributes that name an element's role where the class is a hashed CSS-in-JS name
 * (class="css-1am3yn9" data-testid="caption__source"): read with the class and id.
 */
export const ROLE_ATTRIBUTES = ['data-testid', 'data-theme-key', 'data-component'] as const;

function tokensOf(element: Element): string[] {
  const roles = ROLE_ATTRIBUTES.map((name) => element.attribs[name] ?? '').join(' ');
  return elementTokens(`${element.attribs['class'] ?? ''} ${roles}`, element.attribs['id'] ?? '');
}

function isCreditElement($: CheerioAPI, element: Element): boolean {
  return hasToken(tokensOf(element), CREDIT_SET) || CREDIT_PREFIX.test(collapseSpaces($(element).text()));
}

/**
 * The container without what it hides from sight: a screen-reader label ("Media caption",
 * "Image copyright") glued to the caption it announces. Copied only when there is one to drop.
 */
function withoutHiddenLabels(_$: CheerioAPI, container: Cheerio<Element>): Cheerio<Element> {
  const isHidden = (_: number, element: Element): boolean => isHiddenElement(element);
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

export const HEADINGS = 'h1, h2, h3, h4, h5, h6';
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
  const tokens = tokensOf(element);
  if (hasToken(tokens, CAPTION_SET) || hasToken(tokens, CREDIT_SET)) return links <= MAX_CREDIT_LINKS && node.find(HEADINGS).length === 0;
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

export function captionOf($: CheerioAPI, img: Cheerio<Element>): CaptionParts {
  return withAttributeNotes(markupCaption($, img), img);
}

/**
 * Only what the page marks as the picture's caption: its figure's figcaption, else the viewer's
 * data attributes and the picture's title. Used where the text after an image is not the
 * article's (the whole page).
 */
export function markedCaptionOf($: CheerioAPI, img: Cheerio<Element>): CaptionParts {
  const figcaption = figcaptionOf($, img);
  return withAttributeNotes(figcaption.length > 0 ? partsOf($, figcaption) : { caption: null, credit: null }, img);
}

const IS_FIGURE = compileSelector('figure');
const IS_FIGCAPTION = compileSelector('figcaption');
const IS_STORY_ROOT = compileSelector('body, article, main');
const IS_HEADING = compileSelector(HEADINGS);

/** How far above the picture's own figure a media holder may keep its figcaption. */
const MAX_HOLDER_LEVELS = 3;
/** Text a media holder may hold besides its caption: buttons, a counter, an "Expand" label. */
const MAX_HOLDER_EXTRA_CHARS = 200;

/**
 * The picture's figcaption: inside its figure, or beside it in the media holder around it. Hero
 * layouts wrap the picture in a figure of its own and set the caption next to that figure
 * (holder > [figure > picture] + figcaption). A holder counts only while it holds this one picture
 * and little text besides the caption, so a gallery or the article body never lends its caption.
 */
function figcaptionOf($: CheerioAPI, img: Cheerio<Element>): Cheerio<Element> {
  const picture = img[0];
  if (!picture) return img;
  const figure = closestElement(picture, IS_FIGURE);
  const own = figure ? firstElement(figure, IS_FIGCAPTION) : null;
  if (own) return $(own);
  let holder: Element = figure ?? picture;
  for (let level = 0; level < MAX_HOLDER_LEVELS; level++) {
    const parent = holder.parent;
    if (!parent || !isTag(parent) || IS_STORY_ROOT(parent) || holdsMoreThanOneImage(parent)) break;
    holder = parent;
    const caption = firstElement(holder, IS_FIGCAPTION);
    if (!caption) continue;
    // A figcaption holding a headline is a card's or a bio's text ("About Jane Doe"), not a caption.
    if (hasElement(caption, IS_HEADING)) break;
    const extra = MAX_HOLDER_EXTRA_CHARS + collapseSpaces($(caption).text()).length;
    if (holdsMoreThan($(holder), extra * 3) || collapseSpaces($(holder).text()).length > extra) break;
    return $(caption);
  }
  return img.slice(0, 0);
}

function markupCaption($: CheerioAPI, img: Cheerio<Element>): CaptionParts {
  const figcaption = figcaptionOf($, img);
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
