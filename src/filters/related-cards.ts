// src/filters/related-cards.ts
// Related-article cards and "Read also" links that sit inside the article body.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapseSpaces, textKey } from '../text/normalize.js';
import type { Filter, DumpLine, FilterContext } from '../types.js';
import { NEWSFEED_LINE, RELATED_LEAD, RELATED_LINE, SENTENCE_END } from './patterns.js';
import { linkDensity, shortBlockText } from './select-helpers.js';
import { isOwnSiteLink } from './site.js';
import { compileSelector, findElements, hasElement, insideMatching } from '../parse/select.js';

/** A card headline is short and is not a sentence. */
const MAX_CARD_WORDS = 20;
const MAX_CARD_CHARS = 300;
const IS_PARAGRAPH_OR_LINK = compileSelector('p, a');
const IS_LINK = compileSelector('a');
const IS_IMAGE = compileSelector('img');
const IS_LIST = compileSelector('ul, ol');

function isHeadlineLike(text: string): boolean {
  const words = text.split(' ').length;
  return text !== '' && words <= MAX_CARD_WORDS && !SENTENCE_END.test(text);
}

/** A block that is only a link to a headline, or an image-and-headline link card. */
function isLinkCard($: CheerioAPI, element: Element, ctx: FilterContext): boolean {
  // A card is a headline: anything longer is not one, and need not be read whole.
  const text = shortBlockText(element, MAX_CARD_CHARS);
  if (text === null || text === '') return false;
  const node = $(element);
  const isLink = element.name === 'a';
  const links = isLink ? [element] : findElements(element, IS_LINK);
  if (links.length === 0) return false;
  // Cards lead to the site's own stories; a link elsewhere is a source or a shop.
  const hrefs = links.map((link) => link.attribs['href'] ?? '');
  if (!hrefs.some((href) => isOwnSiteLink(href, ctx))) return false;
  const density = isLink ? 1 : linkDensity($, node);
  return density >= 0.9 && isHeadlineLike(text) && (hasElement(element, IS_IMAGE) || text.split(' ').length >= 3);
}

/** "Read also: <link>" lead-ins, and headings such as "Related" followed by a list of links. */
function relatedLeadIns($: CheerioAPI): AnyNode[] {
  const picked: AnyNode[] = [];
  $('p, div, li, h2, h3, h4, h5, h6, strong').each((_, element) => {
    const node = $(element);
    const text = shortBlockText(element, MAX_CARD_CHARS);
    if (text === null) return;
    if (RELATED_LEAD.test(text) && linkDensity($, node) >= 0.4) picked.push(element);
    else if ((RELATED_LINE.test(text) || NEWSFEED_LINE.test(text)) && node.is('h2, h3, h4, h5, h6, p, strong')) {
      picked.push(element);
      const list = node.next();
      if (list.is('ul, ol, div') && linkDensity($, list) >= 0.6) picked.push(...list.toArray());
    }
  });
  return picked;
}

/** Words a post card holds at most: a headline and a sentence or two of its summary. */
const MAX_POST_CARD_WORDS = 80;

/**
 * Another post set inside the article as a card: an <article> (HTML's own mark for a post) whose
 * heading links to a page of the site and that holds only a headline and a short summary, as the
 * "more posts" grids of blog themes do. A comment is an <article> too, but its heading, when it
 * has one, names the commenter and links nowhere on the site.
 */
function nestedPostCards($: CheerioAPI, ctx: FilterContext): Element[] {
  return $('article')
    .toArray()
    .filter((element) => {
      const links = $(element).find('h2 a[href], h3 a[href], h4 a[href], h5 a[href], h6 a[href]').toArray();
      if (!links.some((link) => isOwnSiteLink((link as Element).attribs['href'] ?? '', ctx))) return false;
      const text = shortBlockText(element, MAX_CARD_CHARS * 3);
      return text !== null && text.split(' ').length <= MAX_POST_CARD_WORDS;
    });
}

function selectCards($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  const cards = $('p, div, aside, figure, a, li')
    .toArray()
    .filter((element) => !insideMatching(element, IS_PARAGRAPH_OR_LINK) && isLinkCard($, element, ctx))
    .filter((element) => !insideMatching(element, IS_LIST));
  return [...nestedPostCards($, ctx), ...cards, ...relatedLeadIns($)];
}

/**
 * In a dump, a card is an image alt carrying the site-name suffix ("Kuril Islands - Site")
 * followed by the linked headline. The suffix is what tells an alt from a body line.
 */
function selectCardLines(lines: readonly DumpLine[], ctx: FilterContext): number[] {
  const picked: number[] = [];
  const suffix = ctx.siteName ? ` - ${textKey(ctx.siteName)}` : null;
  const captions = new Set(ctx.captions.map(textKey));
  lines.forEach((line, position) => {
    if (RELATED_LEAD.test(line.text)) picked.push(line.index);
    if (!suffix || !textKey(line.text).endsWith(suffix.slice(3)) || !line.text.includes(' - ')) return;
    const alt = collapseSpaces(line.text.slice(0, line.text.lastIndexOf(' - ')));
    if (captions.has(textKey(alt))) return; // a duplicated caption, not a card
    picked.push(line.index);
    const next = lines[position + 1];
    if (next && isHeadlineLike(next.text)) picked.push(next.index);
  });
  return picked;
}

export const relatedCards: Filter = {
  name: 'related-cards',
  stage: 'article',
  reason: 'a link card to another story, or a "Read also" line, interrupts the body but is not part of it',
  select: selectCards,
  selectLines: selectCardLines,
};
