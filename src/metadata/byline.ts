// src/metadata/byline.ts
// Reads the visible byline when no tag names the author: an element marked as a byline or author
// ("byline", rel=author), or a short line that starts "By …", "Von …", "Par …", "Por …", "Автор: …".

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';
import { splitAuthors } from './values.js';
import type { MetadataFields } from './types.js';

const MARKED = '[rel~="author" i], [class*="byline" i], [id*="byline" i], [data-testid*="byline" i], [class*="author" i], address';
/** Places whose names belong to other people: comment authors, related stories, quoted posts. */
const ELSEWHERE = 'aside, footer, nav, [class*="comment" i], [class*="related" i], [class*="recommend" i], blockquote';
const LINE_CANDIDATES = 'p, div, span, address, li, strong, em, b, small';
/** The byline word, capitalised as a byline writes it ("by the river" starts a sentence), then the name. */
const PREFIXED_LINE = /^(?:By|BY|Von|VON|von(?=\s+\p{Lu})|Par|PAR|Por|POR|Di|Door|Av|Af|Автор|АВТОР|Текст)(?:\s*[:：]\s*|\s+)(?=\p{L})/u;
const MAX_BYLINE_LENGTH = 100;
/** Words that sit in bylines but are no one's name. */
const NOT_NAMES = /^(?:updated|published|posted|staff|editor|reporter|correspondent|min(?:ute)?s?\s+read|share|follow|more|read more|author|authors)$/i;

/** A person's name: up to six words, no digits, starting with a capital in scripts that have case. */
export function looksLikeName(text: string): boolean {
  const words = text.split(' ');
  if (words.length > 6 || /\d/.test(text) || NOT_NAMES.test(text) || /^the\s/i.test(text)) return false;
  const initial = text[0] ?? '';
  return initial.toLowerCase() !== initial || /\p{Lo}/u.test(initial);
}

function namesIn(text: string): string[] {
  // "Jane Doe | Updated March 3" and "Jane Doe · 5 min read" keep only the name part.
  return splitAuthors(text.split(/\s[·•|]\s/)[0] ?? '').filter(looksLikeName);
}

/** Gathers an element's text but gives up past `max` characters: most candidates are big containers. */
function boundedText(node: AnyNode, max: number, out: string[], length = { value: 0 }): boolean {
  if (node.type === 'text') {
    out.push(node.data);
    length.value += node.data.length;
    return length.value <= max * 3; // raw text still holds the whitespace that collapsing removes
  }
  if (node.type !== 'tag') return true;
  for (const child of node.children) if (!boundedText(child, max, out, length)) return false;
  return true;
}

/** The node's text, spaces collapsed, when it is at most `max` characters (empty included); else undefined. */
function textUpTo(node: AnyNode, max: number): string | undefined {
  const parts: string[] = [];
  if (!boundedText(node, max, parts)) return undefined;
  const text = collapseSpaces(parts.join(''));
  return text.length <= max ? text : undefined;
}

function shortText(_$: CheerioAPI, element: Element): string | undefined {
  // Cheap guard first: big containers are never a byline, and their text is costly to gather.
  if (element.children.length > 12) return undefined;
  const text = textUpTo(element, MAX_BYLINE_LENGTH);
  return text !== '' ? text : undefined;
}

function firstNames($: CheerioAPI, elements: Cheerio<Element>, prefixed: boolean): string[] {
  for (const element of elements.toArray()) {
    // The cheap tests first: most candidates are long containers or do not start with a byline word.
    const text = shortText($, element);
    if (!text || (prefixed && !PREFIXED_LINE.test(text))) continue;
    if (element.name !== 'address' && $(element).closest(ELSEWHERE).length > 0) continue;
    if (prefixed && inOtherStorysCard($, element)) continue;
    const names = namesIn(text);
    if (names.length > 0) return prefixed ? names : [...new Set([...names, ...twinNames($, element)])];
  }
  return [];
}

/** How far up from a byline to look for the card it sits in: the card itself, or its body. */
const CARD_LEVELS = 2;
const MAX_CARD_CHARS = 400;
const LINKED_HEADLINE = 'h2 a[href], h3 a[href], h4 a[href], h5 a[href], h6 a[href]';

/**
 * A teaser card of another story: a block with a linked headline, the byline under it that of
 * the story it links to ("Latest in Tech: <h5><a>…</a></h5> By ANNA REED …"). The page's own
 * headline is linked on some blogs too (to its permalink): a headline that is the page's title
 * is no card's.
 */
function inOtherStorysCard($: CheerioAPI, element: Element): boolean {
  const own = collapseSpaces($('title').first().text()).toLowerCase();
  let card = $(element).parent();
  for (let level = 0; level < CARD_LEVELS && card.length > 0 && !card.is('body, article, main'); level++, card = card.parent()) {
    const headline = card.find(LINKED_HEADLINE).first();
    if (headline.length === 0) continue;
    // A card is small; a story's body holding some linked heading is no card.
    if (textUpTo(card[0]!, MAX_CARD_CHARS) === undefined) return false;
    const text = collapseSpaces(headline.text()).toLowerCase();
    return text !== '' && !own.includes(text);
  }
  return false;
}

/**
 * Names in the marked element's twins: several authors are often one element each, side by side
 * with the same tag and class (<span class="author-name">A</span><span class="author-name">B</span>).
 */
function twinNames($: CheerioAPI, element: Element): string[] {
  const className = element.attribs['class'];
  if (!className) return [];
  return $(element)
    .siblings(element.name)
    .toArray()
    .filter((twin) => twin.attribs['class'] === className)
    .flatMap((twin) => {
      const text = shortText($, twin);
      return text ? namesIn(text) : [];
    });
}

export function readByline($: CheerioAPI): MetadataFields {
  // The article's own region first, so a site-wide "By our staff" banner does not win.
  const region = $('article, main, [role="main"]').first();
  const root: Cheerio<AnyNode> = region.length > 0 ? region : $.root();
  let names = firstNames($, root.find(MARKED), false);
  if (names.length === 0) names = firstNames($, root.find(LINE_CANDIDATES), true);
  if (names.length === 0 && region.length > 0) names = firstNames($, $(MARKED), false);
  return names.length > 0 ? { authors: names } : {};
}
