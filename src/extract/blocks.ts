// src/extract/blocks.ts
// Turns the filtered article HTML into typed blocks (p, h2-h6, li, blockquote, pre, table,
// figure) and the plain `text`: blocks joined by one blank line, figures left out because
// captions live on their images.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapseKeepingLines, collapseSpaces } from '../text/normalize.js';
import type { Block, BlockType } from '../types.js';
import { isTag } from '../parse/select.js';

const HEADINGS: Readonly<Record<string, BlockType>> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6' };
/** Elements that start a new block when met inside running text. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'form',
  'fieldset',
  'details',
  'summary',
  'address',
  'center',
]);

/**
 * Ruby annotations (<rt> readings, <rp> fallback brackets) are pronunciation aids drawn above the
 * base text; read inline they would double every annotated word ("子こども"). `html` keeps them.
 */
const RUBY_ANNOTATIONS = new Set(['rt', 'rp']);

/** Text of inline content, with <br> kept as a line break. */
function inlineText($: CheerioAPI, nodes: AnyNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += (node as unknown as { data: string }).data;
    else if (isTag(node) && !RUBY_ANNOTATIONS.has(node.name)) out += node.name === 'br' ? '\n' : inlineText($, node.children);
  }
  return out;
}

/**
 * A table's own rows, not those of tables nested in its cells, in the order a browser shows
 * them: head, body, and the footer last even when the markup puts it before the body.
 */
function ownRows($: CheerioAPI, table: Element): Element[] {
  const body = [...$(table).children('thead').children('tr').toArray(), ...$(table).children('tr, tbody').toArray()];
  const rows = body.flatMap((node) => (node.name === 'tbody' ? $(node).children('tr').toArray() : [node]));
  return [...rows, ...$(table).children('tfoot').children('tr').toArray()];
}

/** Block content in the cells, or a table inside: the table lays out the page, it holds no data. */
const LAYOUT_CELL_CONTENT = 'table, p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, figure';

function isLayoutTable($: CheerioAPI, table: Element): boolean {
  return ownRows($, table).some((row) => $(row).children('td, th').children(LAYOUT_CELL_CONTENT).length > 0 || $(row).find('table').length > 0);
}

function tableText($: CheerioAPI, table: Element): string {
  return ownRows($, table)
    .map((row) =>
      $(row)
        .children('th, td')
        .toArray()
        .map((cell) => collapseSpaces($(cell).text()))
        .join('\t'),
    )
    .filter((row) => row.trim() !== '')
    .join('\n');
}

function leafBlock($: CheerioAPI, element: Element): Block | null {
  const tag = element.name;
  let type: BlockType;
  let text: string;
  if (tag === 'table') [type, text] = ['table', tableText($, element)];
  else if (tag === 'pre')
    [type, text] = [
      'pre',
      $(element)
        .text()
        .replace(/^\n+|\s+$/g, ''),
    ];
  else if (tag === 'figure') [type, text] = ['figure', collapseSpaces($(element).find('figcaption').text())];
  else if (tag === 'blockquote') [type, text] = ['blockquote', collapseKeepingLines(blockquoteText($, element))];
  else if (tag === 'li' || tag === 'dd' || tag === 'dt') [type, text] = ['li', collapseKeepingLines(inlineText($, element.children))];
  else [type, text] = [HEADINGS[tag] ?? 'p', collapseKeepingLines(inlineText($, element.children))];
  return text === '' && type !== 'figure' ? null : { type, text };
}

/** Embedded posts (a tweet, an Instagram post) framed as figures: another site's media, not the article's text. */
const EMBED_FIGURE = /\b(?:wp-block-embed|embed|twitter-tweet|instagram-media|tiktok-embed)\b/i;

function isContentFigure($: CheerioAPI, figure: Element): boolean {
  const node = $(figure);
  if (EMBED_FIGURE.test(figure.attribs['class'] ?? '') || node.find('[class*="tweet" i], [class*="instagram" i], [class*="embed" i]').length > 0) return false;
  return node.find('img, picture, video, audio, iframe, svg, canvas').length === 0 && node.find('table, blockquote, pre, ul, ol, dl').length > 0;
}

/** A quote's paragraphs stay on their own lines. */
function blockquoteText($: CheerioAPI, element: Element): string {
  const parts = $(element).find('p').toArray();
  return parts.length > 0 ? parts.map((p) => inlineText($, p.children)).join('\n') : inlineText($, element.children);
}

/** Walks the tree: leaf blocks become blocks, containers are entered, loose inline runs become p. */
function walk($: CheerioAPI, nodes: AnyNode[], out: Block[]): void {
  let inline: AnyNode[] = [];
  const flush = (): void => {
    const text = collapseKeepingLines(inlineText($, inline));
    if (text !== '') out.push({ type: 'p', text });
    inline = [];
  };
  for (const node of nodes) {
    if (!isTag(node) || !BLOCK_TAGS.has(node.name)) {
      inline.push(node);
      continue;
    }
    flush();
    if (node.name === 'table' && isLayoutTable($, node)) {
      // Each cell is a container: read as one data table, nested tables' text came out once per level.
      for (const row of ownRows($, node)) for (const cell of $(row).children('td, th').toArray()) walk($, cell.children, out);
      continue;
    }
    // A figure that frames a table, a quote, code or a list (a block editor's table block) is that
    // content, not a picture: its text is the article's.
    if (node.name === 'figure' && isContentFigure($, node)) {
      walk($, node.children, out);
      continue;
    }
    const hasBlockChildren = node.children.some((child) => isTag(child) && BLOCK_TAGS.has(child.name));
    const isLeafType = ['table', 'pre', 'figure', 'blockquote'].includes(node.name);
    if (isLeafType || (!hasBlockChildren && node.name !== 'ul' && node.name !== 'ol')) {
      const block = leafBlock($, node);
      if (block) out.push(block);
    } else if (node.name === 'li' && hasBlockChildren) {
      const block = leafBlock($, node);
      if (block) out.push({ type: 'li', text: collapseKeepingLines($(node).text()) });
    } else {
      walk($, node.children, out);
    }
  }
  flush();
}

export function buildBlocks($: CheerioAPI): Block[] {
  const blocks: Block[] = [];
  walk($, $.root().children().toArray(), blocks);
  return blocks;
}

export function blocksToText(blocks: readonly Block[]): string {
  return blocks
    .filter((block) => block.type !== 'figure')
    .map((block) => block.text)
    .join('\n\n');
}
