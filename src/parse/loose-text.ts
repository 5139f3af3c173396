// src/parse/loose-text.ts
// Older CMSs (and many blogs still) write an article as bare text in a div, its paragraphs split
// by <br>s, with the photo, gallery or press-release box as block siblings of that text. Readability
// wraps such runs in <p>s in its own copy, so its output has paragraphs the page does not: the
// stages that find the article's place on the page by its paragraphs (the block it came from,
// the lede outside it, the sibling sections beside it) then find nothing, and a story's opening
// text that Readability left out next to the block it chose cannot be taken back. Giving the page
// (not Readability's input, which is serialised before this runs) the same paragraphs lets them match.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Elements that sit inside a line of text (HTML's phrasing content, less what holds blocks). */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** A loose run needs this much text of its own, outside any link, to be a paragraph of prose. */
const MIN_OWN_CHARS = 20;

function isBreak(node: AnyNode | undefined): boolean {
  return node?.type === 'tag' && (node as Element).name === 'br';
}

function isBlank(node: AnyNode): boolean {
  return node.type === 'text' && node.data.trim() === '';
}

/** The characters of text the run holds directly or in inline markup that is not a link. */
function ownChars(nodes: readonly AnyNode[]): number {
  let count = 0;
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') count += node.data.replace(/\s+/g, '').length;
    else if (node.type === 'tag' && (node as Element).name !== 'a') stack.push(...(node as Element).children);
  }
  return count;
}

function holdsText(nodes: readonly AnyNode[]): boolean {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' && node.data.trim() !== '') return true;
    if (node.type === 'tag') stack.push(...(node as Element).children);
  }
  return false;
}

/**
 * Splits a div's children into runs of inline content: a block child ends a run, and so do two
 * <br>s in a row (a paragraph break; one <br> is a line break inside a paragraph).
 */
function inlineRuns(div: Element): AnyNode[][] {
  const runs: AnyNode[][] = [];
  let run: AnyNode[] = [];
  // Kept as the run grows, so that a div of thousands of lines is read once, not once per <br>.
  let lastShown: AnyNode | undefined;
  let runHasText = false;
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
    lastShown = undefined;
    runHasText = false;
  };
  for (const child of div.children) {
    // Comments stay in the run: a run must be one unbroken stretch of the div's children.
    if (child.type === 'tag' && !INLINE.has((child as Element).name)) {
      close();
      continue;
    }
    // Two breaks end a paragraph; so does one after a line of nothing but a photo, which
    // belongs to no paragraph (its caption is read from the image).
    if (isBreak(child) && (isBreak(lastShown) || (run.length > 0 && !runHasText))) {
      close();
      continue;
    }
    run.push(child);
    if (!isBlank(child)) lastShown = child;
    runHasText ||= holdsText([child]);
  }
  close();
  return runs;
}

/** Wraps one run in a <p>, leaving the <br>s and blanks at its edges outside it. */
function wrap($: CheerioAPI, run: AnyNode[]): void {
  let start = 0;
  let end = run.length;
  while (start < end && (isBreak(run[start]) || isBlank(run[start]!))) start++;
  while (end > start && (isBreak(run[end - 1]) || isBlank(run[end - 1]!))) end--;
  const body = run.slice(start, end);
  if (body.length === 0 || ownChars(body) < MIN_OWN_CHARS) return;
  // By hand: cheerio inserts nothing before a text node, and a run often starts with one.
  const paragraph = $('<p></p>')[0] as Element;
  const parent = body[0]!.parent as Element;
  const at = parent.children.indexOf(body[0]!);
  parent.children.splice(at, body.length, paragraph);
  paragraph.parent = parent;
  paragraph.children = body;
  body.forEach((node, index) => {
    node.parent = paragraph;
    node.prev = body[index - 1] ?? null;
    node.next = body[index + 1] ?? null;
  });
  paragraph.prev = parent.children[at - 1] ?? null;
  paragraph.next = parent.children[at + 1] ?? null;
  if (paragraph.prev) paragraph.prev.next = paragraph;
  if (paragraph.next) paragraph.next.prev = paragraph;
}

/**
 * Wraps each run of bare text in a div that also holds blocks (or is split by blank lines of
 * <br>s) in a <p> of its own. A div that is one run of text with no break is left as it is: it
 * is already one paragraph to every stage.
 */
export function wrapLooseText($: CheerioAPI): void {
  for (const div of $('body div').toArray()) {
    if (!div.children.some((child) => child.type === 'text' && child.data.trim() !== '')) continue;
    const runs = inlineRuns(div);
    const whole = runs.length === 1 && runs[0]!.length === div.children.length;
    if (whole) continue;
    for (const run of runs) wrap($, run);
  }
}
