// src/metadata/headline.ts
// The headline the reader sees: the article's h1 (or its itemprop=headline element). Declared
// titles (JSON-LD headline, og:title) are often written for search engines and social cards
// ("Kollaps der Silicon Valley Bank: US-Notenbank räumt…" over a visible "Silicon Valley Bank:
// Federal Reserve räumt…"), and <title> carries site names, sections and dates.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';
import { stripSiteName, stripTitleLabels } from './title.js';
import { closestElement, compileSelector } from '../parse/select.js';

/** A kicker or overline inside the h1 is a topic label above the headline, not part of it. */
const KICKER =
  /kicker|overline|dachzeile|spitzmarke|topline|eyebrow|roofline|supertitle|surtitle|surtitre|antetitulo|occhiello|pretitle|label|rubric|category/i;
/** Headlines of other stories: teasers, rails, the footer. */
const ELSEWHERE = 'aside, footer, nav, [class*="related" i], [class*="teaser" i], [class*="recommend" i]';
const IS_ELSEWHERE = compileSelector(ELSEWHERE);
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
  return wordingKey(a) === wordingKey(b);
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
    closestElement(element, IS_ELSEWHERE) === null && collapseSpaces($(element).text()).toLowerCase() !== site && !isHomeLink($, element);
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

/** Where a declared title joins its parts: "Kicker: Headline", "Headline | Section | Site". */
const SEGMENT_SEPARATOR = /((?<=\S)(?::\s+|\s+[|–—»«·:-]\s+))/u;
/** Headings that may show the headline alone above the story (a blog's post title is often an h2 or h3). */
const HEADINGS = 'h1, h2, h3, [itemprop="headline"], [class*="title" i], [class*="headline" i]';
/** A kicker, a section or a site name beside the headline: a few words, fewer than the headline's. */
const MAX_LABEL_WORDS = 5;
/** The story's text starts at its first paragraph of this many characters; headings below it are its sections. */
const STORY_PARAGRAPH_CHARS = 100;

function wordCount(text: string): number {
  return text.split(/[\s|–—»«·:-]+/).filter(Boolean).length;
}

interface TitleSplit {
  headline: string;
  label: string;
}

/** The ways to cut a title into a run of parts at its start or end and a label of a few words. */
function titleSplits(title: string): TitleSplit[] {
  // Parts at even indexes, the separators between them at odd ones.
  const pieces = title.split(SEGMENT_SEPARATOR);
  const splits: TitleSplit[] = [];
  for (let cut = 2; cut < pieces.length; cut += 2) {
    const head = pieces.slice(0, cut - 1).join('');
    const tail = pieces.slice(cut).join('');
    const options: TitleSplit[] = [
      { headline: head, label: pieces.slice(cut - 1).join('') },
      { headline: tail, label: pieces.slice(0, cut).join('') },
    ];
    for (const option of options) {
      const labelWords = wordCount(option.label);
      if (wordCount(option.headline) >= 2 && labelWords <= MAX_LABEL_WORDS && labelWords <= wordCount(option.headline)) splits.push(option);
    }
  }
  return splits;
}

/** A site's masthead: its name and its tagline are above every story, and no story's text. */
const MASTHEAD = 'header, [class*="header" i], [id*="header" i], [class*="banner" i], [id*="banner" i], [class*="description" i]';
const IS_MASTHEAD = compileSelector(MASTHEAD);

/**
 * Headings above the story's first long paragraph (a masthead's tagline is none), nearest to it
 * first; none in rails or teasers, and no site name or link home (a blog's name in its h1).
 */
function headingsAboveStory($: CheerioAPI): Element[] {
  const found: Element[] = [];
  for (const element of $('body').find(`${HEADINGS}, p`).toArray()) {
    if (element.name === 'p') {
      if (collapseSpaces($(element).text()).length >= STORY_PARAGRAPH_CHARS && closestElement(element, IS_MASTHEAD) === null) break;
      continue;
    }
    if (closestElement(element, IS_ELSEWHERE) === null && !isHomeLink($, element)) found.push(element);
  }
  return found.reverse();
}

/**
 * The headline the page shows inside a declared title that wraps it in labels: "Blog Name: Post
 * title" where the post's heading says "Post title" alone, "Energiewende: Klimavorreiter?" where
 * the h1 sets the kicker "Energiewende:" in an element of its own. Read only from headings above
 * the story's text (its own sections below say other things); a heading that shows the whole
 * title (a kicker in it aside) keeps the title whole: that is what the reader sees.
 */
export function headlineInTitle($: CheerioAPI, title: string): string | undefined {
  const splits = titleSplits(title);
  if (splits.length === 0) return undefined;
  const key = wordingKey(title);
  const headings = headingsAboveStory($).map((element) => ({ element, key: wordingKey(collapseSpaces($(element).text())) }));
  const whole = headings.find((heading) => heading.key === key);
  if (whole) {
    const first = $(whole.element).children().first();
    const firstKey = wordingKey(collapseSpaces(first.text()));
    if (whole.element.name !== 'h1' || firstKey === '' || !key.startsWith(firstKey)) return undefined;
    return splits.find((split) => title.startsWith(split.label) && wordingKey(split.label) === firstKey)?.headline;
  }
  return nearestRun(splits, headings);
}

/** The run shown by the heading nearest the story. */
function nearestRun(splits: readonly TitleSplit[], headings: ReadonlyArray<{ key: string }>): string | undefined {
  for (const heading of headings) {
    const split = splits.find((candidate) => heading.key === wordingKey(candidate.headline));
    if (split) return split.headline;
  }
  return undefined;
}

function wordingKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The title without the site's name and the labels around the headline: the section and date
 * after it, and a kicker or a blog's name before it when a heading on the page shows the rest
 * alone (`fromHeading`).
 */
export function titleAsShown($: CheerioAPI, title: string, siteName: string | null, section: string | null): { title: string; fromHeading: boolean } {
  const stripped = stripTitleLabels(stripSiteName(title, siteName), siteName, section);
  const shown = headlineInTitle($, stripped);
  return shown ? { title: shown, fromHeading: true } : { title: stripped, fromHeading: false };
}
