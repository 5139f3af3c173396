// src/extract/caption-attributes.ts
// Captions and credits kept in attributes rather than text: a photo viewer's data-caption /
// data-credit on the image or its wrappers, and a credited title the page sets on the picture or on
// the link that opens it large (a lightbox's caption: <a href=big.jpg title="… Photo: …"><img></a>).
// They fill only what the markup's own caption left empty.

import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import { type CaptionParts, splitCaption, tidyCredit } from './caption-text.js';
import { collapseSpaces } from '../text/normalize.js';

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

/** A file name or a slug ("IMG_2041.jpg", "harbour-quay-2024") is what the CMS filled in, not a caption. */
const FILE_NAME = /\.(?:jpe?g|png|gif|webp|avif|svg)$|^[\w.-]+$/i;
/** The link's instruction, not the picture's caption: "Click to enlarge", "Bild vergrößern", "Ouvrir la galerie". */
const VIEWER_INSTRUCTION =
  /^(?:click|tap|klick|zoom|open|öffnen|show|view|see|ver|voir|vedi|cliquez|haga|pulse)\b|\b(?:enlarge|zoom|vergrößer\w*|agrandir|ampliar|ingrandire|full ?screen|vollbild|lightbox|gallery|galerie|galería|slideshow|diashow)\b/iu;

/**
 * The title of the picture, or of a link holding only the picture, when it credits the photo
 * ("U.S. President Donald Trump. (Photo by REUTERS)", "Photo: Getty Images"): its credit, and the
 * caption before it. A title without a credit is not read: over the SH-181 and dev pages such
 * titles were mostly the story's headline again, a product's name, a screenshot's file name
 * ("Screen Shot 2012-10-24 at 10.21.06 AM") or a Flickr embed's "IMG_6516 by …, on Flickr".
 */
function titleAttribute(img: Cheerio<Element>): CaptionParts {
  const link = img.parent('a');
  const holders = link.length > 0 && collapseSpaces(link.text()) === '' ? [img, link] : [img];
  for (const holder of holders) {
    const title = collapseSpaces(holder.attr('title') ?? '');
    if (title === '' || FILE_NAME.test(title) || VIEWER_INSTRUCTION.test(title)) continue;
    // One attribute's value: no seams of adjacent elements to split at ("Shokz OpenRun Pro").
    const parts = splitCaption(title, false);
    if (parts.credit !== null) return parts;
  }
  return { caption: null, credit: null };
}

/** What the markup left empty, filled from the viewer's data attributes, then from the titles. */
export function withAttributeNotes(found: CaptionParts, img: Cheerio<Element>): CaptionParts {
  let parts = found;
  for (const read of [dataAttributes, titleAttribute]) {
    if (parts.caption !== null && parts.credit !== null) return parts;
    const more = read(img);
    parts = { caption: parts.caption ?? more.caption, credit: parts.credit ?? more.credit };
  }
  return parts;
}
