// src/output/removals.ts
// --explain in the reading formats: what the filters removed, as a closing section after the
// article (JSON carries it in `removed` instead). Only present when --explain asked for it.

import type { Article } from '../types.js';

const HEADING = 'Removed by clean-article (--explain)';

/** "filter: text" lines, one a removal, in page order. */
function removalLines(article: Article): string[] {
  return (article.removed ?? []).map((removal) => `${removal.filter}: ${removal.text.replace(/\s+/g, ' ').trim() || '(no text)'}`);
}

export function textRemovals(article: Article): string {
  if (!article.removed) return '';
  const lines = removalLines(article);
  return `\n${HEADING}\n\n${lines.length > 0 ? lines.map((line) => `- ${line}`).join('\n') : '(nothing)'}\n`;
}

export function markdownRemovals(article: Article): string {
  if (!article.removed) return '';
  const lines = removalLines(article).map((line) => {
    const [filter, ...rest] = line.split(': ');
    return `- \`${filter}\`: ${rest.join(': ').replace(/([\\`*_[\]<>])/g, '\\$1')}`;
  });
  return `\n---\n\n## ${HEADING}\n\n${lines.length > 0 ? lines.join('\n') : '(nothing)'}\n`;
}

/** For the reader page: a closed <details> after the article, so the page still reads clean. */
export function htmlRemovals(article: Article, escapeText: (text: string) => string): string[] {
  if (!article.removed) return [];
  const items = removalLines(article).map((line) => {
    const [filter, ...rest] = line.split(': ');
    return `<li><code>${escapeText(filter ?? '')}</code>: ${escapeText(rest.join(': '))}</li>`;
  });
  return [
    '<details class="removed">',
    `<summary>${HEADING}</summary>`,
    items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '<p>(nothing)</p>',
    '</details>',
  ];
}
