// src/output/index.ts
// Renders an article for stdout, by format name.

import type { Article } from '../types.js';

export type OutputFormat = 'json' | 'text';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'text'];

function renderJson(article: Article): string {
  return `${JSON.stringify(article, null, 2)}\n`;
}

/** The title, a blank line, then the paragraphs: what a person wants to read in a terminal. */
function renderText(article: Article): string {
  const parts = [article.title, article.text].filter((part): part is string => !!part && part !== '');
  return `${parts.join('\n\n')}\n`;
}

export function render(article: Article, format: OutputFormat): string {
  return format === 'text' ? renderText(article) : renderJson(article);
}
