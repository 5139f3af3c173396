// src/metadata/byline.ts
// Reads the visible byline when no tag names the author: an element marked as a byline or author
// ("byline", rel=author), or a short line that starts "By …", "Von …", "Par …", "Por …", "Автор: …".

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';
import { bylineTextUpTo, looksLikeName, namesIn } from './byline-text.js';
import { kindOf } from './credit-kinds.js';
import type { MetadataFields } from './types.js';
import { closestElement, compileSelector } from '../parse/select.js';

const MARKED =
  '[rel~="author" i], [class*="byline" i], [id*="byline" i], [data-testid*="byline" i], [class*="author" i], [class*="autor" i], [class*="auteur" i], address';
/** Places whose names belong to other people: comment authors, related stories, quoted posts. */
const ELSEWHERE = 'aside, footer, nav, [class*="comment" i], [class*="related" i], [class*="recommend" i], blockquote';
const IS_ELSEWHERE = compileSelector(ELSEWHERE);
/** A class that says the story has no author ("affiliate-no-author"): what it holds is a label. */
const NO_AUTHOR = /no-?author/i;
const LINE_CANDIDATES = 'p, div, span, address, li, strong, em, b, small';
/** The byline word, capitalised as a byline writes it ("by the river" starts a sentence), then the name. */
const PREFIXED_LINE =
  /^(?:By|BY|Von|VON|von(?=\s+\p{Lu})|Par|PAR|Por|POR|Di|Door|Av|Af|Автор|АВТОР|Текст|(?:Written|Posted|Reported) by|(?:Autor(?:in|a|e)?|Auteur|Text|Texte|Texto|Testo)(?=\s*[:：]))(?:\s*[:：]\s*|\s+)(?=\p{L})/u;
const MAX_BYLINE_LENGTH = 100;

function shortText(_$: CheerioAPI, element: Element): string | undefined {
  // Cheap guard first: big containers are never a byline, and their text is costly to gather.
  if (element.children.length > 12) return undefined;
  const text = bylineTextUpTo(element, MAX_BYLINE_LENGTH);
  return text !== '' ? text : undefined;
}

/** "By Season", "Por Homme": the byline word inside a link is a menu's entry, not a byline. */
function bylineWordIsLinked($: CheerioAPI, element: Element): boolean {
  const link = $(element).find('a').first();
  if (link.length === 0) return false;
  const linked = collapseSpaces(link.text());
  return linked !== '' && PREFIXED_LINE.test(linked) && collapseSpaces($(element).text()).startsWith(linked.split(' ')[0] ?? '');
}

/** A byline repeated for this many posts in one list ("Posted by: Brad, Glasgow on …") is a list's, not the story's. */
const LIST_REPEATS = 3;

function repeatsInList($: CheerioAPI, element: Element): boolean {
  const className = element.attribs['class'];
  if (!className) return false;
  const twins = $(`${element.name}[class="${className.replace(/["\\]/g, '\\$&')}"]`).toArray();
  return twins.filter((twin) => PREFIXED_LINE.test(collapseSpaces($(twin).text()))).length >= LIST_REPEATS;
}

interface BylineCredits {
  names: string[];
  /** The outlet beside a marked name: "Elliot Brownstein" in its own element, then "Florida Today". */
  outlets: string[];
}

/**
 * A credit that runs on past the name a marked element inside it holds ("Elliot Brownstein
 * Florida Today" around <span class="author">Elliot Brownstein</span>): the name, and the rest
 * as the outlet, unless it is a job title.
 */
function withMarkedName($: CheerioAPI, element: Element, names: string[]): BylineCredits {
  const inner = $(element)
    .find(MARKED)
    .toArray()
    .map((child) => collapseSpaces($(child).text()))
    .filter((text) => text !== '');
  const outlets: string[] = [];
  const people = names.map((name) => {
    const marked = inner.find((text) => name.startsWith(`${text} `) && looksLikeName(text));
    if (!marked) return name;
    const rest = name.slice(marked.length + 1);
    if (rest !== marked && kindOf(rest, null) !== 'title') outlets.push(rest);
    return marked;
  });
  return { names: people, outlets };
}

function firstNames($: CheerioAPI, elements: Cheerio<Element>, prefixed: boolean): BylineCredits {
  for (const element of elements.toArray()) {
    // The cheap tests first: most candidates are long containers or do not start with a byline word.
    const text = shortText($, element);
    if (!text || (prefixed && !PREFIXED_LINE.test(text))) continue;
    if (element.name !== 'address' && closestElement(element, IS_ELSEWHERE) !== null) continue;
    if (!prefixed && NO_AUTHOR.test(element.attribs['class'] ?? '')) continue;
    if (prefixed && (inOtherStorysCard($, element) || bylineWordIsLinked($, element) || repeatsInList($, element))) continue;
    const names = namesIn(text, !prefixed);
    if (names.length === 0) continue;
    const credits = withMarkedName($, element, names);
    return prefixed ? credits : { ...credits, names: [...new Set([...credits.names, ...twinNames($, element)])] };
  }
  return { names: [], outlets: [] };
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
    if (bylineTextUpTo(card[0]!, MAX_CARD_CHARS) === undefined) return false;
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
  // Twins by a byline's own class: an element found by its id ("articleByLine") may share a generic one.
  if (!className || !/author|byline|autor/i.test(className)) return [];
  return $(element)
    .siblings(element.name)
    .toArray()
    .filter((twin) => twin.attribs['class'] === className)
    .flatMap((twin) => {
      const text = shortText($, twin);
      return text ? namesIn(text, true) : [];
    });
}

export function readByline($: CheerioAPI): MetadataFields {
  // The article's own region first, so a site-wide "By our staff" banner does not win.
  const region = $('article, main, [role="main"]').first();
  const root: Cheerio<AnyNode> = region.length > 0 ? region : $.root();
  let found = firstNames($, root.find(MARKED), false);
  if (found.names.length === 0) found = firstNames($, root.find(LINE_CANDIDATES), true);
  if (found.names.length === 0 && region.length > 0) found = firstNames($, $(MARKED), false);
  if (found.names.length === 0) return {};
  return found.outlets.length > 0 ? { authors: found.names, organizations: found.outlets } : { authors: found.names };
}
