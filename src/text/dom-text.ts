// src/text/dom-text.ts
// The text a reader sees in a cheerio node: unlike textContent, a <br> or a block boundary
// separates words ("discussion<br>log in" is two phrases, not "discussionlog in").

import type { AnyNode } from 'domhandler';
import { collapseSpaces } from './normalize.js';

const BREAKING = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'blockquote',
  'figure',
  'figcaption',
  'dt',
  'dd',
  'table',
  'hr',
  'nav',
]);

function collect(node: AnyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.data);
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const breaks = node.type === 'tag' && BREAKING.has(node.name);
  if (breaks) out.push(' ');
  for (const child of node.children) collect(child, out);
  if (breaks) out.push(' ');
}

/** Raw text length past which `boundedReadableText` gives up (whitespace not yet collapsed). */
function collectBounded(node: AnyNode, out: string[], budget: { left: number }): boolean {
  if (node.type === 'text') {
    out.push(node.data);
    budget.left -= node.data.length;
    return budget.left >= 0;
  }
  if (node.type !== 'tag' && node.type !== 'root') return true;
  const breaks = node.type === 'tag' && BREAKING.has(node.name);
  if (breaks) out.push(' ');
  for (const child of node.children) if (!collectBounded(child, out, budget)) return false;
  if (breaks) out.push(' ');
  return true;
}

/**
 * Like readableText, but null as soon as the raw text passes `maxRaw` characters: filters looking
 * for short labels skip big containers without walking all of their text.
 */
export function boundedReadableText(node: AnyNode, maxRaw: number): string | null {
  const out: string[] = [];
  return collectBounded(node, out, { left: maxRaw }) ? collapseSpaces(out.join('')) : null;
}

/** Visible text with word boundaries at <br> and block edges, spaces collapsed. */
export function readableText(node: AnyNode): string {
  const out: string[] = [];
  collect(node, out);
  return collapseSpaces(out.join(''));
}

/** The first `maxRaw` characters (or so) of a node's readable text: a cheap look at how it starts. */
export function leadingText(node: AnyNode, maxRaw: number): string {
  const out: string[] = [];
  collectBounded(node, out, { left: maxRaw });
  return collapseSpaces(out.join(''));
}
