// src/extract/furniture.ts
// Reads an extraction for signs that it is the page's furniture rather than its story: a notice
// (privacy, disclaimers, licences), a block of links, a block inside the footer, an aside or a
// block named like a sidebar, or a poll inside a form. Also finds where on the page the extracted
// block came from, which the checks and the replacement both need. verify.ts decides what to do.

import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type * as Htmlparser2 from 'htmlparser2';
import { LEGAL_NOTICE } from '../filters/promos.js';
import { linkDensity } from '../filters/select-helpers.js';
import { load } from '../parse/cheerio-load.js';
import { paragraphChars } from '../parse/page.js';
import { readableText } from '../text/dom-text.js';
import { collapseSpaces, textKey } from '../text/normalize.js';
import type { PageParagraphs } from './page-paragraphs.js';
import type { ExtractedContent } from './readability.js';
import { sourceElement } from './siblings.js';
import { parentElement } from '../parse/select.js';

/** Markup that holds a page's furniture, never its story. */
const FURNITURE_TAGS = new Set(['footer', 'aside', 'nav']);
/**
 * A class or id that names furniture starts with its role ("sidebar-left", "footer", "profile-box",
 * "site-footer", "comments-area"); one that only mentions it ("has-sidebar", "entry-author-kim",
 * "elementor-widget") describes a layout or a story and says nothing.
 */
const FURNITURE_NAME =
  /^(?:(?:site|page|main|primary|secondary|global|left|right)[-_]?)?(?:sidebar|footer|profile|bio|colophon|siteinfo|disclaimer|copyright|comments?|disqus)(?:[-_\d]|$)/i;
/**
 * What notices say: privacy and consent, disclaimers and licences, in the languages we see most.
 * A story mentions these words in passing; a notice is made of them (see `readsAsNotice`).
 */
const NOTICE_TERMS = [
  String.raw`privacy (?:policy|notice|statement)|cookies?\b|opt[- ]out|personal (?:data|information)|do not sell`,
  'disclaimer|disclosure|terms (?:of|and) (?:use|service|conditions)|no affiliation|trademarks?|licen[cs]ed under|creative commons',
  'datenschutz|haftungsausschluss|impressum|données personnelles|mentions légales|política de privacidad|aviso legal|privacidade|prywatności',
].join('|');
const NOTICE_WORD = new RegExp(NOTICE_TERMS, 'iu');
/** Notices are short; a long block that mentions cookies is a story about cookies. */
const MAX_NOTICE_CHARS = 1500;
const MAX_LINK_DENSITY = 0.5;

function namedFurniture(element: Element): boolean {
  const names = `${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`.split(/\s+/);
  return names.some((name) => FURNITURE_NAME.test(name));
}

/** The element or one of its ancestors is furniture by tag or by name. */
export function insideFurniture(element: Element): boolean {
  for (let node: Element | null = element; node && node.name !== 'body'; node = parentElement(node)) {
    if (FURNITURE_TAGS.has(node.name) || namedFurniture(node)) return true;
  }
  return false;
}

/**
 * A short block made of notices: most of its sentences are a notice's (a disclaimer, a licence, a
 * privacy note). A story with a copyright line under it is not; nor is a long story about cookies.
 */
function readsAsNotice(text: string): boolean {
  if (text.length > MAX_NOTICE_CHARS) return false;
  const sentences = text.split(/(?<=[.!?。！？])\s+/u).filter((sentence) => sentence.trim().length > 0);
  const notices = sentences.filter((sentence) => LEGAL_NOTICE.test(sentence) || NOTICE_WORD.test(sentence));
  return sentences.length > 0 && notices.length * 2 >= sentences.length;
}

export interface Assessment {
  /** Why the extraction reads as page furniture, or null when it reads as a story. */
  reason: 'notice' | 'links' | 'furniture' | 'form' | 'table' | null;
  /** Where on the page it came from, when that can be found. */
  source: Element | null;
}

export function assess($page: CheerioAPI, content: ExtractedContent, paragraphs: PageParagraphs): Assessment {
  const $article = load(content.html, null, false);
  const source = locateSource($page, $article, paragraphs);
  const text = collapseSpaces($article.root().text());
  if (readsAsNotice(text)) return { reason: 'notice', source };
  if (linkDensity($article, $article.root().children()) > MAX_LINK_DENSITY) return { reason: 'links', source };
  if (source && insideFurniture(source)) return { reason: 'furniture', source };
  if (source && insideSmallForm($page, source)) return { reason: 'form', source };
  const rows = content.html.includes('<tr') ? tableRows(content.html) : [];
  const table = mostlyDataTable(rows, text) ? tableOnPage($page, rows) : null;
  return table ? { reason: 'table', source: table } : { reason: null, source };
}

/** A data table's cells are short (names, numbers, addresses); a layout table's hold paragraphs. */
const MAX_DATA_CELL_CHARS = 60;
const MIN_DATA_ROWS = 10;
/** Share of the block's text in such a table past which the block is the table, not a story. */
const DATA_TABLE_SHARE = 0.6;

/**
 * The rows of table cells in Readability's HTML, read from the tags as written: Readability may hand
 * the rows back without their <table> (its top candidate was the tbody), which an HTML5 parser
 * would flatten into one line of text.
 */
function tableRows(html: string): string[][] {
  const { Parser } = createRequire(import.meta.url)('htmlparser2') as typeof Htmlparser2;
  const rows: string[][] = [];
  let cell: string[] | null = null;
  const parser = new Parser({
    onopentagname: (name) => {
      if (name === 'tr') rows.push([]);
      else if (name === 'td' || name === 'th') cell = [];
    },
    ontext: (data) => {
      cell?.push(data);
    },
    onclosetag: (name) => {
      if ((name !== 'td' && name !== 'th') || !cell) return;
      rows.at(-1)?.push(collapseSpaces(cell.join('')));
      cell = null;
    },
  });
  parser.end(html);
  return rows;
}

/**
 * The block is a long data table with little else: Readability scores every table cell, so a
 * list of hundreds of names and addresses inside an article can outscore the article's own
 * paragraphs, and the table alone comes out as the story.
 */
function mostlyDataTable(rows: readonly string[][], text: string): boolean {
  const cells = rows.flat();
  const chars = cells.reduce((sum, cell) => sum + cell.length, 0);
  return rows.length >= MIN_DATA_ROWS && cells.length > 0 && chars / cells.length <= MAX_DATA_CELL_CHARS && chars >= text.length * DATA_TABLE_SHARE;
}

/** The page's table that holds the block's rows: found by the text of its first row of two or more cells. */
function tableOnPage($page: CheerioAPI, rows: readonly string[][]): Element | null {
  const first = rows.find((row) => row.length >= 2);
  if (!first) return null;
  const key = textKey(first.join(' '));
  const match = $page('body tr')
    .toArray()
    .find((candidate) => textKey(readableText(candidate)) === key);
  return match ? (($page(match).closest('table')[0] as Element | undefined) ?? null) : null;
}

/**
 * Inside a form that is not the page's frame: a poll, a survey or a search box, whose question
 * and answers read like a short story. A form around the whole page (ASP.NET wraps every page in
 * one) holds the headline or most of the page's paragraphs, and says nothing.
 */
function insideSmallForm($page: CheerioAPI, source: Element): boolean {
  const form = $page(source).closest('form');
  if (form.length === 0 || form.find('h1').length > 0) return false;
  return paragraphChars($page, form) * 2 < paragraphChars($page, $page('body'));
}

/** Why the extraction reads as page furniture, or null when it reads as a story. */
export function furnitureReason($page: CheerioAPI, content: ExtractedContent, paragraphs: PageParagraphs): string | null {
  return assess($page, content, paragraphs).reason;
}

/** Where on the page the extraction came from: by its paragraphs, else by an id Readability kept. */
function locateSource($page: CheerioAPI, $article: CheerioAPI, paragraphs: PageParagraphs): Element | null {
  const byParagraphs = sourceElement($page, $article, paragraphs);
  if (byParagraphs) return byParagraphs;
  const id = $article('[id]')
    .toArray()
    .map((element) => element.attribs['id'] ?? '')
    .find((value) => value !== '' && !value.startsWith('readability-'));
  const found = id ? $page(`[id="${id.replace(/["\\]/g, '')}"]`).first() : null;
  return found && found.length > 0 ? found[0]! : byLongestCell($page, $article);
}

/** Cells and boxes whose text can stand for a block that has no paragraphs (old table layouts). */
const TEXT_CELLS = 'td, div, li, dd, span, font';
/** A cell this long is rare enough on a page for its text to tell where the block came from. */
const MIN_CELL_CHARS = 80;

/** The page element whose text is that of the article's longest text cell, when there is one. */
function byLongestCell($page: CheerioAPI, $article: CheerioAPI): Element | null {
  let longest: { tag: string; key: string } | null = null;
  for (const cell of $article(TEXT_CELLS).toArray()) {
    if ($article(cell).find(TEXT_CELLS).length > 0) continue;
    const key = textKey(readableText(cell));
    if (key.length >= MIN_CELL_CHARS && key.length > (longest?.key.length ?? 0)) longest = { tag: cell.name, key };
  }
  if (!longest) return null;
  const { tag, key } = longest;
  return (
    $page(`body ${tag}`)
      .toArray()
      .find((cell) => textKey(readableText(cell)) === key) ?? null
  );
}
