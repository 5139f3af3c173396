// src/extract/holes.ts
// Readability cleans the block it chose "conditionally": inside it, a div whose links pass a fifth
// of its text, with more pictures than paragraphs, or whose class counts against it is dropped.
// Guides and product round-ups lose their cards that way (each card has its picture, its rating
// and its links to the shop), and articles lose a section set in a box. This stage walks the page
// element the article came from, finds the blocks Readability dropped from inside it, and puts
// back those the section judge reads as more of the article, where they stood. The article
// filters clean them afterwards with the rest.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { readableText } from '../text/dom-text.js';
import { collapseSpaces, textKey } from '../text/normalize.js';
import type { PageParagraphs } from './page-paragraphs.js';
import { hasProse, judge, type JudgeOptions } from './section-judge.js';
import { sectionHtml, sourceElement } from './siblings.js';

/** Shorter paragraphs ("Advertisement", "Read more") repeat all over a page and place nothing. */
const MIN_ANCHOR_CHARS = 40;

/** Parts of a table: a dropped one is the layout's other column, never a section of the story. */
const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup']);

interface Hole {
  blocks: Element[];
  /** The key of the article paragraph the blocks follow on the page, or null before the first. */
  after: string | null;
}

/**
 * A link that only says "more" (in the languages we see most), or a headline cut short: the block
 * is a teaser for another page, which a story's body quotes no more than its sidebar does.
 */
const MORE_LINK =
  /^[»›>→\s]*(?:(?:read|see|view) more|more|continue reading|mehr|weiterlesen|lire la suite|lire plus|(?:leer|ver) más|leggi (?:di più|tutto)|czytaj (?:więcej|dalej)|więcej|lees meer|подробнее|читать далее)[\s»›>→….]*$/iu;
const CUT_HEADLINE = /\S.{18,}(?:\.{3}|…)$/u;

function isTeaser($: CheerioAPI, element: Element): boolean {
  return $(element)
    .find('a')
    .toArray()
    .some((link) => {
      const text = collapseSpaces($(link).text());
      return MORE_LINK.test(text) || CUT_HEADLINE.test(text);
    });
}

/** Runs of this many words are what a repeat is recognised by. */
const REPEAT_WORDS = 8;

/**
 * Most of the block is in the article already, if not all of it: Readability keeps a paragraph
 * but takes its dateline for a byline, or keeps a table's rows in a box of their own.
 */
function repeatsArticle(key: string, articleText: string): boolean {
  const words = key.split(' ');
  if (words.length <= REPEAT_WORDS) return articleText.includes(key);
  let runs = 0;
  let found = 0;
  for (let start = 0; start + REPEAT_WORDS <= words.length; start += REPEAT_WORDS / 2) {
    runs++;
    if (articleText.includes(words.slice(start, start + REPEAT_WORDS).join(' '))) found++;
  }
  return found * 2 >= runs;
}

/** The article's paragraphs by key, the first of each: where recovered blocks are put back. */
function articleParagraphs($article: CheerioAPI): Map<string, Element> {
  const byKey = new Map<string, Element>();
  $article('p').each((_, paragraph) => {
    const key = textKey(readableText(paragraph));
    if (key.length >= MIN_ANCHOR_CHARS && !byKey.has(key)) byKey.set(key, paragraph);
  });
  return byKey;
}

/** Every element between `source` and a page paragraph that the article kept. */
function keptAncestors(source: Element, kept: readonly Element[]): Set<AnyNode> {
  const marked = new Set<AnyNode>();
  for (const paragraph of kept) {
    for (let node: AnyNode | null = paragraph; node && node !== source && !marked.has(node); node = node.parent) marked.add(node);
  }
  return marked;
}

/**
 * The blocks dropped from inside the article's page element, between two paragraphs it kept, that
 * read as more of it, in page order.
 */
export function findHoles(
  $page: CheerioAPI,
  $article: CheerioAPI,
  paragraphs: PageParagraphs,
  options: JudgeOptions = { lenient: false },
  source: Element | null = sourceElement($page, $article, paragraphs),
): { holes: Hole[]; anchors: Map<string, Element> } {
  const anchors = articleParagraphs($article);
  if (!source) return { holes: [], anchors };
  const keyOf = new Map<Element, string>();
  for (const paragraph of paragraphs.inOrder()) {
    if (anchors.has(paragraph.key) && $page.contains(source, paragraph.element)) keyOf.set(paragraph.element, paragraph.key);
  }
  const marked = keptAncestors(source, [...keyOf.keys()]);
  // Read as the reader sees it: cells and list items apart, as the judge reads the page's blocks.
  let articleText = textKey(readableText($article.root()[0]!));
  const holes: Hole[] = [];
  let after: string | null = null;
  let pending: Element[] = [];
  // No holes after the last kept paragraph: the article may have ended there, and what Readability
  // dropped beyond it is the page's as often (an appeal, a bio, the comment rules).
  let interior = 0;
  const visit = (parent: Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'tag') continue;
      const key = keyOf.get(child);
      if (key !== undefined) {
        after = key;
        pending = [];
        interior = holes.length;
        continue;
      }
      if (marked.has(child)) {
        visit(child);
        continue;
      }
      // A row or cell of a layout table beside the one that holds the story is the page's column.
      if (TABLE_PARTS.has(child.name)) continue;
      // Inside the story a headed list without a sentence is a picker or a spec box more often
      // than a section (Readability dropped it for its links or its form), so prose is asked for,
      // and a teaser for another page is no section however it reads.
      const verdict = judge($page, child, articleText, options);
      if (verdict === 'content' && (!hasProse($page, child) || isTeaser($page, child))) continue;
      // A heading Readability dropped belongs to the block under it: put back only with that block.
      if (verdict === 'heading') pending.push(child);
      else if (verdict === 'content') {
        const key = textKey(readableText(child));
        if (repeatsArticle(key, articleText)) continue;
        holes.push({ blocks: [...pending, child], after });
        for (const heading of pending) articleText += ` ${textKey(readableText(heading))}`;
        articleText += ` ${key}`;
        pending = [];
      } else if (verdict === 'stop') pending = [];
    }
  };
  visit(source);
  return { holes: holes.slice(0, interior), anchors };
}

/** Puts the blocks back after the paragraph they followed on the page; returns how many. */
export function fillHoles($page: CheerioAPI, $article: CheerioAPI, found: ReturnType<typeof findHoles>): number {
  // Holes after the same paragraph go back together, in page order; those before the first kept
  // paragraph go before it.
  const before: Element[] = [];
  const after = new Map<Element, Element[]>();
  for (const hole of found.holes) {
    const anchor = hole.after === null ? undefined : found.anchors.get(hole.after);
    if (anchor) after.set(anchor, [...(after.get(anchor) ?? []), ...hole.blocks]);
    else before.push(...hole.blocks);
  }
  const first = [...found.anchors.values()][0];
  if (first && before.length > 0) $article(first).before(sectionHtml($page, before));
  for (const [anchor, blocks] of after) $article(anchor).after(sectionHtml($page, blocks));
  return (first ? before.length : 0) + [...after.values()].reduce((sum, blocks) => sum + blocks.length, 0);
}
