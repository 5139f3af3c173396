// src/filters/captions.ts
// Photo credits, captions repeated as body text, and lines that repeat the title.
// Captions live once, on the image (see extract/images.ts), never in `text`.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { countWords, textKey } from '../text/normalize.js';
import type { Filter, DumpLine, FilterContext } from '../types.js';
import { HEADINGS, isCreditText } from '../extract/captions.js';
import { isTitleOrSegment, isTitleVariant } from './headline.js';
import { CREDITS_HEADING, SENTENCE_END } from './patterns.js';
import { blockText, shortBlockText } from './select-helpers.js';
import { CREDIT_TOKENS, elementTokens, hasToken, tokenSet } from './tokens.js';
import { closestElement, compileSelector } from '../parse/select.js';

const IS_FIGURE = compileSelector('figure');

const CREDIT_SET = tokenSet(CREDIT_TOKENS);
/** Credits are one short line; a long block starting with "Photo:" is a sentence about photos. */
const MAX_CREDIT_CHARS = 160;
/** Longer than any caption we keep a key for, so longer blocks need no comparing. */
const MAX_CAPTION_KEY_CHARS = 1000;

function selectCredits($: CheerioAPI): AnyNode[] {
  return $('p, span, small, div, figcaption > *, cite, em')
    .toArray()
    .filter((element) => {
      const text = shortBlockText(element, MAX_CREDIT_CHARS);
      if (!text) return false;
      const tokens = elementTokens($(element).attr('class') ?? '', $(element).attr('id') ?? '');
      return hasToken(tokens, CREDIT_SET) || isCreditText(text);
    })
    .filter(
      (element, _, all) =>
        !$(element)
          .parents()
          .toArray()
          .some((parent) => all.includes(parent)),
    );
}

/** Lines a credits section holds at most under its heading, each a short credit. */
const MAX_CREDIT_SECTION_LINES = 3;

/**
 * A picture-credits section: a heading that only says "Image credits" and the short credit lines
 * right after it ("iStock/Jane Doe"). The lines name sources, not sentences of the story.
 */
function selectCreditSections($: CheerioAPI): AnyNode[] {
  const picked: AnyNode[] = [];
  $('h2, h3, h4, h5, h6, p, strong, b').each((_, element) => {
    const text = shortBlockText(element, 40);
    if (text === null || !CREDITS_HEADING.test(text)) return;
    const heading = $(element).is('strong, b') ? $(element).closest('p, div') : $(element);
    if (heading.length === 0 || shortBlockText(heading[0]!, 40) !== text) return;
    // Empty paragraphs between the heading and its lines are spacing; a long block (null) is no credit.
    const lines = heading
      .nextAll()
      .toArray()
      .map((line) => ({ line, value: shortBlockText(line, MAX_CREDIT_CHARS) }))
      .filter(({ value }) => value !== '')
      .slice(0, MAX_CREDIT_SECTION_LINES);
    const credits = lines.filter(({ value }) => value !== null && !SENTENCE_END.test(value));
    if (credits.length > 0 && credits.length === lines.length) picked.push(heading[0]!, ...credits.map(({ line }) => line));
  });
  return picked;
}

function selectCreditLines(lines: readonly DumpLine[]): number[] {
  return lines.filter((line) => isCreditText(line.text)).map((line) => line.index);
}

/** Keys of every known caption, with and without a " - Site Name" suffix. */
function captionKeys(ctx: FilterContext): Set<string> {
  const keys = new Set<string>();
  const site = ctx.siteName ? textKey(ctx.siteName) : null;
  for (const caption of ctx.captions) {
    const key = textKey(caption);
    if (key.length < 12) continue; // "Photo" or a one-word alt says nothing about duplication
    keys.add(key);
    if (site) keys.add(`${key} ${site}`);
  }
  return keys;
}

/**
 * Sites reuse the story's first paragraph as the lead photo's caption. That paragraph is the
 * lede, and the caption is the copy: a first <p> that is a long sentence stays in the text.
 */
const MIN_LEDE_CHARS = 100;
/** Words of a caption sentence; a heading naming an item is shorter. */
const MIN_CAPTION_SENTENCE_WORDS = 12;

/** The first paragraph outside figures when it is a long sentence, or null. */
function longLede($: CheerioAPI): AnyNode | null {
  const first = $('p')
    .toArray()
    .find((element) => closestElement(element, IS_FIGURE) === null && blockText($, element) !== '');
  if (!first) return null;
  const text = blockText($, first);
  return text.length >= MIN_LEDE_CHARS && /[.!?…"”»]$/.test(text) ? first : null;
}

function selectDuplicateCaptions($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  const keys = captionKeys(ctx);
  if (keys.size === 0) return [];
  const lede = longLede($);
  const ledeText = lede ? blockText($, lede) : null;
  // The lede itself, or a wrapper inside it holding all its text (<p><span>…</span></p>).
  const isLede = (element: AnyNode): boolean =>
    lede !== null && (element === lede || ($.contains(lede as never, element as never) && blockText($, element) === ledeText));
  return $('p, div, span, h2, h3, h4, h5, h6')
    .toArray()
    .filter((element) => closestElement(element, IS_FIGURE) === null && !isLede(element))
    .filter((element) => {
      const text = shortBlockText(element, MAX_CAPTION_KEY_CHARS);
      if (text === null || !keys.has(textKey(text))) return false;
      // A heading that repeats a caption names the item the picture shows (a plant, a product, a
      // game of a round-up) and heads its section: the caption is the copy. A caption's sentences
      // set in a heading tag (old layouts' <h4 id="photocaption">) are still the caption.
      const isHeading = $(element).is(HEADINGS) || $(element).find(HEADINGS).length > 0;
      return !isHeading || countWords(text) >= MIN_CAPTION_SENTENCE_WORDS;
    })
    .filter(
      (element, _, all) =>
        !$(element)
          .parents()
          .toArray()
          .some((parent) => all.includes(parent)),
    );
}

function selectDuplicateCaptionLines(lines: readonly DumpLine[], ctx: FilterContext): number[] {
  const keys = captionKeys(ctx);
  return lines.filter((line) => keys.has(textKey(line.text))).map((line) => line.index);
}

/** Caption containers by markup, kept by Readability even when their image was not (lazy placeholders). */
const CAPTION_CONTAINER_SET = tokenSet(['caption', 'captions', 'figcaption', 'cutline', 'imagecaption', 'photocaption', 'captiontext', 'wpcaption']);
const MAX_CAPTION_CHARS = 400;

function selectCaptionBlocks($: CheerioAPI): AnyNode[] {
  return $('figcaption, p, div, span')
    .toArray()
    .filter((element) => closestElement(element, IS_FIGURE) === null)
    .filter((element) => {
      const isCaption =
        element.name === 'figcaption' || hasToken(elementTokens(element.attribs['class'] ?? '', element.attribs['id'] ?? ''), CAPTION_CONTAINER_SET);
      return isCaption && shortBlockText(element, MAX_CAPTION_CHARS) !== null && $(element).find('p').length <= 1;
    })
    .filter(
      (element, _, all) =>
        !$(element)
          .parents()
          .toArray()
          .some((parent) => all.includes(parent)),
    );
}

export const captionBlocks: Filter = {
  name: 'caption-blocks',
  stage: 'article',
  reason: 'a caption container (by its markup) outside a <figure> is image text; captions live on images, never in text',
  select: selectCaptionBlocks,
};

export const photoCredits: Filter = {
  name: 'photo-credits',
  stage: 'article',
  reason: 'a photo credit ("© Agency / Photographer", or a list under "Image credits") names who took the picture; it is kept as the image credit',
  select: ($) => [...selectCredits($), ...selectCreditSections($)],
  selectLines: selectCreditLines,
};

export const duplicateCaptions: Filter = {
  name: 'duplicate-captions',
  stage: 'article',
  reason: 'a caption repeated as body text (or as alt/title, or with a " - Site" suffix) is kept once, on its image',
  select: selectDuplicateCaptions,
  selectLines: selectDuplicateCaptionLines,
};

/** A paragraph this long is the story's prose: the headline block sits above it. */
const MIN_PROSE_WORDS = 25;

/**
 * Blocks that are the title or a close variant of it: above the story's first paragraph of prose
 * (where the headline block sits; old table layouts set it in bold or <font>), or anywhere when all
 * its words are the title's (the title, or the headline segment of a "Site - Headline" title).
 * Below the prose, a heading that adds words of its own to the title's is a section of the story
 * ("Final thoughts on <the title>"), not the headline again.
 */
function selectTitleRepeats($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  let belowProse = false;
  const picked: AnyNode[] = [];
  for (const element of $('h1, h2, h3, h4, p, b, strong, font').toArray()) {
    const text = blockText($, element);
    const isVariant = (element.name !== 'p' || text.length <= 200) && isTitleVariant(text, ctx.title);
    if (isVariant && (!belowProse || isTitleOrSegment(text, ctx.title))) picked.push(element);
    if (element.name === 'p' && countWords(text) >= MIN_PROSE_WORDS) belowProse = true;
  }
  return picked.slice(0, 2);
}

export const titleRepeats: Filter = {
  name: 'title-repeats',
  stage: 'article',
  reason: 'the headline is the `title` field; repeated inside the body it would be counted twice',
  select: selectTitleRepeats,
  selectLines: (lines, ctx) => lines.filter((line) => isTitleVariant(line.text, ctx.title)).map((line) => line.index),
};
