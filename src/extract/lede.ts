// src/extract/lede.ts
// The lede outside the container: many templates set the first paragraph (a standfirst <p>
// under the h1) before the element that holds the rest of the story, so Readability, which keeps
// one subtree, leaves it out. Found on the whole page before the page is cut down for
// Readability, and put back in front of the article when it sits just before the article's
// first paragraph.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { isTitleVariant } from '../filters/headline.js';
import { CALL_TO_ACTION } from '../filters/promos.js';
import { linkDensity } from '../filters/select-helpers.js';
import { readableText } from '../text/dom-text.js';
import { countWords, textKey } from '../text/normalize.js';
import type { PageParagraphs } from './page-paragraphs.js';

export interface LedeCandidates {
  /** Sentence-like paragraphs after the h1, in page order, with their place in it. */
  ledes: Array<{ text: string; order: number }>;
  /** Each paragraph's place in page order, by its text key. */
  order: Map<string, number>;
}

/** A lede is a full sentence or two: at least this many words, ending in sentence punctuation. */
const MIN_LEDE_WORDS = 12;
const MIN_LEDE_CHARS_UNSPACED = 40;
const SENTENCE_END = /[.!?。！？…]["'”’»)]?$/u;
/** Only paragraphs close to the headline: further down, a paragraph outside the article is a sidebar's. */
const MAX_LEDES = 2;
/** Captions, bylines and teasers are not ledes even when they read like sentences: by tag, or by class. */
const NOT_LEDE_TAGS = new Set(['figure', 'figcaption', 'aside', 'footer', 'li', 'blockquote', 'a']);
const NOT_LEDE_CLASS = /caption|byline|author/i;
const MAX_LINK_DENSITY = 0.2;
/** Paragraphs between a lede and the article's first one: more, and it is not the article's lede. */
const MAX_GAP = 3;

/** The element or an ancestor is a caption, byline, teaser or quote (a walk up: a selector per paragraph costs more). */
function insideNotLede(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parent?.type === 'tag' ? (node.parent as Element) : null) {
    if (NOT_LEDE_TAGS.has(node.name) || NOT_LEDE_CLASS.test(node.attribs['class'] ?? '')) return true;
  }
  return false;
}

function isSentence(text: string): boolean {
  const long = countWords(text) >= MIN_LEDE_WORDS || (!/\s/.test(text.slice(0, 60)) && text.length >= MIN_LEDE_CHARS_UNSPACED);
  return long && SENTENCE_END.test(text);
}

/**
 * Reads the page (after the page filters, before it is cut down) for lede candidates: the first
 * sentence-like paragraphs after the h1 that are not the title or the description again.
 */
export function findLedeCandidates(
  $: CheerioAPI,
  paragraphs: PageParagraphs,
  title: string | null,
  description: string | null,
  captions: readonly string[],
): LedeCandidates {
  const order = new Map<string, number>();
  const ledes: LedeCandidates['ledes'] = [];
  const descriptionKey = description ? textKey(description) : null;
  const captionKeys = new Set(captions.map(textKey));
  const isLede = (element: Element, text: string, key: string): boolean => {
    // Cheapest tests first: most paragraphs fail on their shape or their place.
    if (!isSentence(text) || key === descriptionKey || captionKeys.has(key) || insideNotLede(element)) return false;
    const node = $(element);
    // A sentence beside a photo, in the same wrapper, is that photo's caption.
    if (node.parent().find('img, picture, video').length > 0 || linkDensity($, node) > MAX_LINK_DENSITY) return false;
    if (isTitleVariant(text, title) || isTitleVariant(text, description)) return false;
    // The site talking to its readers ("Chat with us…", "Sign up…") is not the story's first line.
    return !CALL_TO_ACTION.test(text);
  };
  let afterHeadline = false;
  for (const { element, text, key, order: index } of paragraphs.inOrder()) {
    if (element.name === 'h1') {
      afterHeadline ||= isTitleVariant(text, title) || title === null;
      continue;
    }
    if (key === '' || order.has(key)) continue;
    order.set(key, index);
    if (afterHeadline && ledes.length < MAX_LEDES && isLede(element, text, key)) ledes.push({ text, order: index });
  }
  return { ledes, order };
}

/**
 * Puts back, in front of the article, the ledes that sit before its first paragraph on the page
 * and that it does not hold already. Returns how many it put back.
 */
export function restoreLedes($article: CheerioAPI, candidates: LedeCandidates): number {
  if (candidates.ledes.length === 0) return 0;
  const articleText = textKey($article.root().text());
  const first = $article('p')
    .toArray()
    .map((paragraph) => candidates.order.get(textKey(readableText(paragraph))))
    .find((order) => order !== undefined);
  if (first === undefined) return 0;
  const missing = candidates.ledes.filter((lede) => lede.order < first && lede.order >= first - MAX_GAP && !articleText.includes(textKey(lede.text)));
  const paragraphs = missing.map((lede) => $article('<p></p>').text(lede.text));
  $article.root().prepend(...paragraphs.map((paragraph) => paragraph[0]!));
  return missing.length;
}
