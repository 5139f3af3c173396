// src/extract/section-judge.ts
// Whether a block next to Readability's output is more of the same article (prose, a headed list
// or table, few links, no chrome markup), an empty or media-only block to step over, or the end of
// the article (chrome, a list of links, small print, a widget's label). siblings.ts walks the page
// and asks this module about each neighbour.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isHiddenElement } from '../filters/page-chrome.js';
import { WIDGET_HEADING } from '../filters/patterns.js';
import { LEGAL_NOTICE } from '../filters/promos.js';
import { linkDensity } from '../filters/select-helpers.js';
import {
  AD_TOKENS,
  COMMENT_TOKENS,
  CONSENT_TOKENS,
  elementTokens,
  hasToken,
  NAV_TOKENS,
  RELATED_TOKENS,
  SHARE_TOKENS,
  SUBSCRIBE_TOKENS,
  tokenSet,
} from '../filters/tokens.js';
import { parseWrittenDate } from '../metadata/visible-date.js';
import { roleId } from '../parse/component-names.js';
import { readableText } from '../text/dom-text.js';
import { collapseSpaces, countWords, textKey } from '../text/normalize.js';
import { compileSelector, hasElement } from '../parse/select.js';

/** Markup that is never more of the article, whatever it holds. */
const NEVER_CONTENT = new Set(['nav', 'aside', 'footer', 'form', 'button', 'select', 'iframe', 'script', 'style', 'noscript']);
/** Class/id words of blocks next to an article that are not article: the page-stage chrome, plus rails and bios. */
export const CHROME = tokenSet([
  ...NAV_TOKENS,
  ...SUBSCRIBE_TOKENS,
  ...SHARE_TOKENS,
  ...COMMENT_TOKENS,
  ...RELATED_TOKENS,
  ...CONSENT_TOKENS,
  ...AD_TOKENS,
  'sidebar',
  'rail',
  'footer',
  'author',
  'authors',
  'contributor',
  'profile',
  'bio',
  'byline',
  'tags',
  'toolbar',
  'meta',
  'breadcrumb',
  'pagination',
]);
/**
 * Class/id words of a media widget beside the story: a slideshow, gallery or video player with its
 * own captions, notices ("This image contains graphic content…") and transcripts. The image stage
 * reads what images it holds; its text is the player's, so the walk steps over it.
 */
const MEDIA_WIDGET = tokenSet(['slideshow', 'gallery', 'carousel', 'lightbox', 'slider', 'player', 'videoplayer', 'video', 'videos', 'photos']);
/** A section that is more of the article has at least one sentence of prose this long. */
const MIN_PROSE_WORDS = 12;
const SENTENCE = /[.!?。！？…]["'”’»)]?(?:\s|$)/u;
const MAX_LINK_DENSITY = 0.25;
/** --favor-recall: the link share a section of a guide may have (product links, sources). */
const LENIENT_LINK_DENSITY = 0.4;
/** Less prose than this in a block without a heading is not worth the risk of taking it. */
const MIN_SECTION_CHARS = 150;
/** --favor-recall: a short paragraph of prose between sections is taken too. */
const LENIENT_SECTION_CHARS = 40;

/** How readily a neighbour counts as more of the article (`lenient` is --favor-recall). */
export interface JudgeOptions {
  lenient: boolean;
  /** The page's language, for reading a date line in it; asked only when a block may be one. */
  pageLang?: () => string | null;
}

function tokensOf(element: Element): string[] {
  // An id slugged from the section's own heading ("how-to-share-a-screen") names no role.
  return elementTokens(element.attribs['class'] ?? '', roleId(element));
}

function isMediaWidget(element: Element): boolean {
  return hasToken(tokensOf(element), MEDIA_WIDGET);
}

function isChrome(element: Element): boolean {
  if (NEVER_CONTENT.has(element.name)) return true;
  return hasToken(tokensOf(element), CHROME);
}

/** Page builders wrap each widget in a few generic divs: how deep to look through them. */
const MAX_WRAPPER_LEVELS = 5;

/**
 * The block is only wrappers around chrome (an author box, a share bar): each level holds one
 * element and no text of its own, down to one whose markup names it.
 */
function wrapsChrome(element: Element): boolean {
  let node = element;
  for (let level = 0; level < MAX_WRAPPER_LEVELS; level++) {
    const children = node.children.filter((child) => child.type === 'tag');
    const ownText = node.children.some((child) => child.type === 'text' && child.data.trim() !== '');
    if (children.length !== 1 || ownText) return false;
    node = children[0] as Element;
    if (isChrome(node)) return true;
  }
  return false;
}

/** True when the block holds a sentence of prose: enough words, ending like a sentence. */
export function hasProse($: CheerioAPI, element: Element): boolean {
  const leaves = $(element).find('p, li, dd, td, blockquote').toArray();
  const runs = leaves.length > 0 ? leaves.map((leaf) => readableText(leaf)) : [readableText(element)];
  return runs.some((run) => countWords(run) >= MIN_PROSE_WORDS && SENTENCE.test(run));
}

/** Fewer words than prose, but a whole sentence: a capital (or any letter) first, a full stop last. */
const MIN_SENTENCE_WORDS = 6;
function isShortSentence(text: string): boolean {
  return countWords(text) >= MIN_SENTENCE_WORDS && /[.!?。！？]["'”’»)]?$/u.test(text) && !/[:|]/.test(text);
}

/** A date line is short: a weekday, a day, a month and a year at most, with a clock. */
const MAX_DATE_LINE_WORDS = 6;
function isDateLine(text: string, pageLang: (() => string | null) | undefined): boolean {
  return countWords(text) <= MAX_DATE_LINE_WORDS && parseWrittenDate(text, pageLang?.() ?? null) !== undefined;
}

/** Lists of links (other posts, archives, blogrolls) are the page's, whatever prose sits around them. */
function hasLinkList($: CheerioAPI, element: Element): boolean {
  const lists = $(element).find('ul, ol').toArray();
  if (lists.some((list) => $(list).children('li').length >= 3 && linkDensity($, $(list)) > 0.5)) return true;
  return hasLinkEntries(element);
}

/** Link entries in a row make a directory (a blogroll: each a link, a line break, its blurb). */
const MIN_LINK_ENTRIES = 3;

/** The first thing the paragraph shows is a link, on a line of its own. */
function opensWithLinkLine(paragraph: Element): boolean {
  const shown = paragraph.children.filter((node) => !(node.type === 'text' && node.data.trim() === '') && node.type !== 'comment');
  const [first, second] = shown;
  return first?.type === 'tag' && (first as Element).name === 'a' && second?.type === 'tag' && (second as Element).name === 'br';
}

/** Paragraphs opening with a link line, several in a row (anywhere in the block). */
function hasLinkEntries(element: Element): boolean {
  const stack: Element[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    let run = 0;
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const tag = child as Element;
      run = tag.name === 'p' && opensWithLinkLine(tag) ? run + 1 : tag.name === 'br' ? run : 0;
      if (run >= MIN_LINK_ENTRIES) return true;
      stack.push(tag);
    }
  }
  return false;
}

/** A heading with a list or a table under it: a section of a guide, even without sentences. */
function isHeadedSection($: CheerioAPI, element: Element): boolean {
  const node = $(element);
  return node.find('h2, h3, h4').length > 0 && node.find('ul, ol, table, dl').length > 0;
}

/**
 * The label of a credit box: who wrote, reviewed or checked the piece, and when it was updated.
 * Such a box sits above or below the story (author cards, "expert reviewed" badges); it is never
 * a section of it.
 */
const CREDIT_BOX_LABEL =
  /^(?:(?:written|article|reviewed|medically reviewed|fact[- ]checked|edited|posted|text|story|words|photos?|illustrations?) by\b|(?:expert|medically) reviewed\b|fact[- ]checked\b|(?:last |latest )?updated\b|about the authors?\b|(?:the )?authors?\s*:|(?:geschrieben|verfasst) von\b|(?:écrit|rédigé|publié) par\b|(?:escrito|revisado|publicado) por\b|(?:scritto|a cura) (?:da|di)\b|автор\b)/iu;

/** Labels are short: a longer first heading is a section title of the article itself. */
const MAX_LABEL_CHARS = 60;

/** The element holding the block's first words: its label, when the block opens with one. */
function firstTextHolder(element: Element): Element | null {
  const stack: AnyNode[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' && node.data.trim() !== '') return node.parent?.type === 'tag' ? (node.parent as Element) : null;
    if (node.type === 'tag' && !['script', 'style', 'noscript'].includes(node.name)) stack.push(...[...node.children].reverse());
  }
  return null;
}

/**
 * The block opens with a widget's label ("Recent Posts", "Must Read", "Sponsored links", "What do
 * you think?") or a credit box's ("Written by", "Expert reviewed"): the short heading, span or
 * cell that holds its first words.
 */
function opensWithWidgetLabel(element: Element): boolean {
  const holder = element.type === 'tag' && /^h[1-6]$/.test(element.name) ? element : firstTextHolder(element);
  const label = holder ? collapseSpaces(readableText(holder)) : '';
  return label !== '' && label.length <= MAX_LABEL_CHARS && (WIDGET_HEADING.test(label) || CREDIT_BOX_LABEL.test(label));
}

const IS_NOSCRIPT = compileSelector('noscript');

/** noscript holds its markup as text here (no scripting): "<img src=…>" is not prose. */
function withoutNoscript($: CheerioAPI, element: Element): Element {
  if (!hasElement(element, IS_NOSCRIPT)) return element;
  const copy = $(element).clone();
  copy.find('noscript').remove();
  return copy[0]!;
}

/** Paragraphs this long are the unit a copy of the article is recognised by. */
const MIN_REPEAT_CHARS = 40;

/**
 * A second copy of text already taken (a page that ships the story twice, one copy hidden by a
 * class for another screen size): half or more of its paragraphs are in the article already.
 */
function mostlyRepeats($: CheerioAPI, element: Element, articleText: string): boolean {
  const keys = $(element)
    .find('p, li')
    .toArray()
    .map((leaf) => textKey(readableText(leaf)))
    .filter((key) => key.length >= MIN_REPEAT_CHARS);
  return keys.length > 0 && keys.filter((key) => articleText.includes(key)).length * 2 >= keys.length;
}

export type Verdict = 'content' | 'heading' | 'skip' | 'stop';

/** A section heading set in a block of its own (page builders put each h2 in its own row). */
const MAX_HEADING_BLOCK_CHARS = 120;

/** The block is only a heading: its h2-h4 hold nearly all of its text, and it links nowhere. */
function isHeadingBlock($: CheerioAPI, element: Element, text: string): boolean {
  if (text.length > MAX_HEADING_BLOCK_CHARS) return false;
  const headings = /^h[2-4]$/.test(element.name) ? [element] : $(element).find('h2, h3, h4').toArray();
  if (headings.length !== 1 || $(element).find('a[href]').length > 0) return false;
  return collapseSpaces(readableText(headings[0]!)).length >= text.length * 0.8;
}

/**
 * A neighbour is more of the article, a heading of its own (more of the article when the section
 * it heads is), an empty or media-only block to step over, or the end of the article.
 */
export function judge($: CheerioAPI, element: Element, articleText: string, options: JudgeOptions = { lenient: false }): Verdict {
  // Readability skips hidden blocks (a hidden microdata copy of the story), and so does this.
  if (isHiddenElement(element)) return 'skip';
  const text = collapseSpaces(readableText(withoutNoscript($, element)));
  if (text.length < 20) return 'skip';
  // A blog's date header ("Dienstag, 28. April 2020") dates the post; it is no section of it.
  if (isDateLine(text, options.pageLang)) return 'skip';
  // A photo and its caption: captions live on images, and the image stage reads them there.
  if (
    element.name === 'figure' ||
    element.name === 'picture' ||
    isMediaWidget(element) ||
    ($(element).find('img, picture').length > 0 && text.length < MIN_SECTION_CHARS * 2)
  )
    return 'skip';
  if (isChrome(element) || wrapsChrome(element) || $(element).find('nav, form, aside').length > 0 || opensWithWidgetLabel(element)) return 'stop';
  // The page's headline block (h1, byline, dates, credits) opens the story; one after it opens another.
  if (element.name === 'h1' || $(element).find('h1').length > 0) return 'stop';
  if (articleText.includes(textKey(text)) || mostlyRepeats($, element, articleText)) return 'skip';
  if (linkDensity($, $(element)) > (options.lenient ? LENIENT_LINK_DENSITY : MAX_LINK_DENSITY) || hasLinkList($, element)) return 'stop';
  // The site's small print (copyright, trademarks) ends the article.
  if (text.length < 500 && LEGAL_NOTICE.test(text)) return 'stop';
  // A section of the article: prose, or a headed list or table (what to buy, the steps, the specs).
  if (isHeadedSection($, element)) return 'content';
  // A heading alone belongs to the section it heads: taken only when that section is taken.
  if (isHeadingBlock($, element, text)) return 'heading';
  // One short line between sections is a call to action or a widget's label more often than prose.
  if (hasProse($, element)) return text.length >= (options.lenient ? LENIENT_SECTION_CHARS : MIN_SECTION_CHARS) ? 'content' : 'skip';
  // A short sentence of the author's ("Scroll down for the full statement.") is stepped over, not
  // taken: it places nothing, and ending the walk there would lose the paragraphs beyond it.
  if (isShortSentence(text)) return 'skip';
  return 'stop';
}
