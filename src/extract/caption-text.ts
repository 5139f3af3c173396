// src/extract/caption-text.ts
// Splits a caption's text into caption and credit ("Putin in Sochi. © AFP / Photographer") and tidies
// both: strings only, no markup. captions.ts finds the caption elements.

import { CREDIT_AGENCY_SUFFIX, CREDIT_PREFIX } from '../filters/patterns.js';
import { collapseSpaces } from '../text/normalize.js';

export interface CaptionParts {
  caption: string | null;
  credit: string | null;
}

/** A credit inside a caption: "© …", "Photo: …", "Фото: …" up to the end. */
export const INLINE_CREDIT =
  /(?:^|\s|[|/(])((?:©|\(c\)|photo(?:graph)?\s*:|photo by|image\s*:|credit\s*:|foto\s*:|foto(?:credit|nachweis)s?\s*:|bild(?:nachweis|quelle)\s*:|фото\s*:|bild\s*:|crédit\s*(?:photo)?\s*:|quelle\s*:|source\s*:|fuente\s*:|fonte\s*:|источник\s*:|写真\s*[:：]|图片来源|사진\s*[=:]).*)$/iu;
export const MAX_CAPTION_CHARS = 400;
/** Wire-style credit in parentheses at the end of a caption: "(AP Photo/Jane Doe)", "(NASA via AP, File)". */
export const TRAILING_PAREN_CREDIT =
  /\s*\(([^()]{0,80}\b(?:AP|AFP|Reuters|REUTERS|Getty(?: Images)?|EPA|Shutterstock|dpa|DPA|Xinhua|TASS|Bloomberg|Anadolu)\b[^()]{0,60})\)\s*$/u;

/** Separators a caption keeps when its credit is cut off after it ("Caption — © Agency"). */
const TRAILING_SEPARATOR = /[\s|/(—–-]+$/u;

/** Markup printed as text (a <noscript> fallback read as a string, an escaped data attribute). */
const PRINTED_TAG = /<\/?[a-z][^<>]*>/gi;

/** A slideshow's position printed before each caption: "1 of 4", "2/12", "3 von 9" (often glued: "1of4"). */
const GALLERY_COUNTER = /^\(?\d{1,3}\s*(?:of|von|de|sur|di|van|из|\/)\s*\d{1,3}\)?(?=[\s\p{Lu}"“„«]|$)\s*/iu;

export function tidyCaption(text: string): string | null {
  return collapseSpaces(text.replace(PRINTED_TAG, ' ')).replace(GALLERY_COUNTER, '').replace(TRAILING_SEPARATOR, '') || null;
}

/** A credit names someone: the label alone ("Copyright", "©", "Foto:") credits no one. */
const LABEL_ONLY = /^[([]?\s*(?:©|ⓒ|\(c\)|copyright|photo|foto|фото|bild|image|credit|quelle|source)?\s*[:.)\]]?\s*$/iu;

export function tidyCredit(text: string | null | undefined): string | null {
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
/**
 * A credit label glued to the caption's last word ("…die AufregungFotocredit: SID"): the label is
 * capitalised, the word before it is not. Case-sensitive, so "photocredit:" inside a word is not.
 */
const GLUED_CREDIT_LABEL =
  /(?<=\p{Ll})((?:Foto(?:credit|nachweis)?|Photo(?:graph)?|Bild(?:nachweis|quelle)?|Quelle|Source|Fuente|Fonte|Credit|Copyright)s?\s*:\s*\S.{0,80})$/u;

function gluedCredit(text: string): CaptionParts | null {
  const label = GLUED_CREDIT_LABEL.exec(text);
  if (label?.[1] && label.index >= 20) return { caption: tidyCaption(text.slice(0, label.index)), credit: tidyCredit(label[1]) };
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

/**
 * Splits "Caption. © Agency / Name" when the credit has no element of its own. `seams`: the text
 * was read from elements and may hold their glued seams; an attribute's value has none.
 */
export function splitCaption(text: string, seams = true): CaptionParts {
  const clean = collapseSpaces(text.replace(PRINTED_TAG, ' ')).replace(GALLERY_COUNTER, '');
  if (clean === '') return { caption: null, credit: null };
  if (CREDIT_PREFIX.test(clean)) return { caption: null, credit: tidyCredit(clean) };
  const paren = TRAILING_PAREN_CREDIT.exec(clean);
  if (paren?.[1]) return { caption: tidyCaption(clean.slice(0, paren.index)), credit: tidyCredit(paren[1]) };
  const match = INLINE_CREDIT.exec(clean);
  // A caption slot holding only a credit ("Patrick Semansky, ASSOCIATED PRESS") credits the photo.
  if (!match?.[1])
    return (seams ? gluedCredit(clean) : null) ?? (isCreditText(clean) ? { caption: null, credit: tidyCredit(clean) } : { caption: clean, credit: null });
  const before = clean.slice(0, clean.length - match[1].length).trim();
  // "FILE PHOTO: Traders work on…": one word before a long run is the caption's kicker, not a credit.
  if (before !== '' && !before.includes(' ') && match[1].length > MAX_AGENCY_CREDIT_CHARS) return { caption: tidyCaption(clean), credit: null };
  return { caption: tidyCaption(before), credit: tidyCredit(match[1].replace(/\)\s*$/, '')) };
}
