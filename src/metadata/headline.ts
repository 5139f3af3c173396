// src/metadata/headline.ts
// The headline the reader sees: the article's h1 (or its itemprop=headline element). Declared
// titles (JSON-LD headline, og:title) are often written for search engines and social cards
// ("Kollaps der Silicon Valley Bank: US-Notenbank räumt…" over a visible "Silicon Valley Bank:
// Federal Reserve räumt…"), and <title> carries site names, sections and dates.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';

/** A kicker or overline inside the h1 is a topic label above the headline, not part of it. */
const KICKER = /kicker|overline|dachzeile|topline|eyebrow|roofline|supertitle|label|rubric|category/i;
/** Headlines of other stories: teasers, rails, the footer. */
const ELSEWHERE = 'aside, footer, nav, [class*="related" i], [class*="teaser" i], [class*="recommend" i]';
const SCOPED = 'article h1, main h1, [role="main"] h1, h1[itemprop="headline"], [itemtype*="Article"] [itemprop="headline"]';
/** A headline has a few words; one or two is a site name or a section ("Weather"). */
const MIN_WORDS = 3;
const MAX_LENGTH = 300;

function textWithoutKickers(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type === 'text') parts.push(child.data);
      else if (child.type === 'tag' && !KICKER.test(child.attribs['class'] ?? '')) {
        parts.push(child.name === 'br' ? ' ' : '');
        walk(child);
      }
    }
  };
  walk(element);
  return collapseSpaces(parts.join(' ').replace(/\s+([,.:;!?])/g, '$1'));
}

/** An h1 whose text is all one link to the site's root. */
function isHomeLink($: CheerioAPI, element: Element): boolean {
  const links = $(element).find('a[href]');
  if (links.length !== 1 || collapseSpaces(links.text()) !== collapseSpaces($(element).text())) return false;
  const href = links.attr('href') ?? '';
  return href === '/' || /^(?:https?:)?\/\/[^/]+\/?$/i.test(href);
}

/** Two wordings that differ only in case, spacing, quotes or punctuation. */
export function sameWording(a: string, b: string): boolean {
  const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) === key(b);
}

/** Words of four letters or more, lower-cased: what two wordings of one headline share. */
function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []);
}

/**
 * The visible headline, or undefined when the page has none or several equally likely ones.
 * An h1 outside any article element may be the blog's or the site's name on every page: it counts
 * only when it shares a word with the declared title (or none is declared).
 */
export function readVisibleHeadline($: CheerioAPI, declared: string | undefined, siteName: string | null): string | undefined {
  const site = siteName?.toLowerCase();
  // A logo in an h1 (the site's name, a link home) is on every page of the site.
  const outside = (_: number, element: Element): boolean =>
    $(element).closest(ELSEWHERE).length === 0 && collapseSpaces($(element).text()).toLowerCase() !== site && !isHomeLink($, element);
  const scoped = $(SCOPED).filter(outside);
  // Without an article element, a lone h1 is the headline; several are a list page or a layout's logo.
  const candidates = scoped.length > 0 ? scoped : $('h1').filter(outside);
  if (scoped.length === 0 && candidates.length !== 1) return undefined;
  const element = candidates.get(0);
  if (!element) return undefined;
  const text = textWithoutKickers(element);
  if (text.length > MAX_LENGTH || text.split(' ').length < MIN_WORDS) return undefined;
  if (scoped.length === 0 && declared) {
    const words = contentWords(declared);
    if (![...contentWords(text)].some((word) => words.has(word))) return undefined;
  }
  return text;
}
