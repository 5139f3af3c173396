// src/text/dom-text.ts
// The text a reader sees in a cheerio node: unlike textContent, a <br> or a block boundary
// separates words ("discussion<br>log in" is two phrases, not "discussionlog in").

import type { AnyNode } from 'domhandler';
import { collapseSpaces } from './normalize.js';

const BREAKING = new Set([
  'br', 'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'section', 'article',
  'aside', 'header', 'footer', 'blockquote', 'figure', 'figcaption', 'dt', 'dd', 'table', 'hr', 'nav',
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

/** Visible text with word boundaries at <br> and block edges, spaces collapsed. */
export function readableText(node: AnyNode): string {
  const out: string[] = [];
  collect(node, out);
  return collapseSpaces(out.join(''));
}
