// src/parse/component-names.ts
// Readability weighs class and id names, and any name that contains "widget" counts against a
// block as a sidebar widget would. But page builders, rich-text editors and design systems name
// every component that way: Elementor's "elementor-widget-text-editor" around the article's
// paragraphs, CKEditor's "ck-widget" grids of pictures and text, the "c-product-widget" cards of
// a product round-up. An article set in such components loses the sections that hold them. Where
// the word is only part of a component's longer name and the block holds prose, it is dropped
// from the names Readability reads, so the block is weighed like any other. Ids spelled from an
// element's own words (heading anchors) are cleared for the same reason (`clearTextAnchors`).

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { boundedReadableText, leadingText } from '../text/dom-text.js';
import { collapseSpaces, textKey } from '../text/normalize.js';

/** The word inside a longer name ("elementor-widget", "ck-widget", "c-product-widget__content"). */
const COMPONENT_WORD = /(?<=[a-z\d][-_]?)widget/gi;
/**
 * A name that starts with the word names the widget itself: WordPress's sidebar and footer
 * widgets ("widget widget_text", "widget-area"). Those stay as the site named them.
 */
const WIDGET_ITSELF = /(?:^|\s)widgets?(?:[-_\s]|$)/i;
/** Readability's other words against a block: with one of them the name still means what it says. */
const OTHER_NEGATIVE =
  /-ad-|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags/i;
/** Prose: a paragraph of at least this many characters that ends a sentence. */
const MIN_PARAGRAPH_CHARS = 80;
const SENTENCE_END = /[.!?。！？…:;»"”)]$/u;
/** Links are what a widget's list is made of; prose has few. */
const MAX_LINK_DENSITY = 0.3;
/** Short components are read as a reader sees them; longer ones as plain text, which is cheaper. */
const MAX_RAW_CHARS = 20_000;

function holdsProse($: CheerioAPI, element: Element): boolean {
  const text = boundedReadableText(element, MAX_RAW_CHARS) ?? collapseSpaces($(element).text());
  if (text.length < MIN_PARAGRAPH_CHARS) return false;
  const paragraphs = $(element).is('p') ? [element] : $(element).find('p').toArray();
  const prose = paragraphs.some((paragraph) => {
    const words = collapseSpaces($(paragraph).text());
    return words.length >= MIN_PARAGRAPH_CHARS && SENTENCE_END.test(words);
  });
  if (!prose) return false;
  const linkChars = $(element)
    .find('a')
    .toArray()
    .reduce((sum, link) => sum + collapseSpaces($(link).text()).length, 0);
  return linkChars / text.length <= MAX_LINK_DENSITY;
}

function isComponent(element: Element): boolean {
  const names = `${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`;
  COMPONENT_WORD.lastIndex = 0;
  return COMPONENT_WORD.test(names) && !WIDGET_ITSELF.test(names) && !OTHER_NEGATIVE.test(names);
}

/**
 * Drops the word from the class and id of every component in the body that holds prose, and of
 * the components inside it. Other components of the same name are left alone: a page builder's
 * related-posts grid is as much an "elementor-widget" as the article's text.
 */
export function unmarkProseComponents($: CheerioAPI): void {
  const unmarked = new Set<Element>();
  for (const element of $('body [class*="widget" i], body [id*="widget" i]').toArray()) {
    if (!isComponent(element)) continue;
    // A part of an unmarked component (its heading, its picture holder) goes with it: Readability
    // drops a heading whose name counts against it.
    const inUnmarked = $(element)
      .parents()
      .toArray()
      .some((parent) => unmarked.has(parent));
    if (!inUnmarked && !holdsProse($, element)) continue;
    unmarked.add(element);
    for (const name of ['class', 'id'] as const) {
      const value = element.attribs[name];
      if (value !== undefined) element.attribs[name] = value.replace(COMPONENT_WORD, 'block');
    }
  }
}

/** An id of this many words or more may be an anchor made from the element's own text. */
const MIN_ANCHOR_WORDS = 3;
/** How much of the element's text an anchor is compared with: a heading, or a section's opening heading. */
const ANCHOR_TEXT_CHARS = 400;

/**
 * The element's id when it names a role, or '' when it is an anchor made from its own text: CMSs
 * and tables of contents give each heading (or the section it opens) an id slugged from its words
 * ("what-is-social-shopping", "h-how-to-share-a-screen"), and those words say nothing about what
 * the element is. A share bar's "share-buttons-top" is no slug of "Share: Facebook X".
 */
export function roleId(element: Element): string {
  const id = element.attribs['id'] ?? '';
  const words = id
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2 && !/^\d+$/.test(word));
  if (words.length < MIN_ANCHOR_WORDS) return id;
  const text = new Set(textKey(leadingText(element, ANCHOR_TEXT_CHARS)).split(' '));
  return words.every((word) => text.has(word)) ? '' : id;
}

/**
 * Readability weighs ids too, and drops a heading or a section whose id says "share", "social",
 * "comments" or "related" even when the id only spells out its own words: such anchors go from
 * what Readability reads (the page's links to them are gone with its navigation anyway).
 */
export function clearTextAnchors($: CheerioAPI): void {
  $('body [id]').each((_, element) => {
    if (roleId(element) === '') delete element.attribs['id'];
  });
}
