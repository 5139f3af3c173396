// src/output/text.ts
// Plain text for reading in a terminal: the title, a line with the byline and date, a blank
// line, then the paragraphs.

import type { Article } from '../types.js';

/** "2024-03-04 09:30 UTC", or only the day when the page gave no time of day. */
export function displayDate(iso: string): string {
  const [day, time = ''] = iso.split('T');
  const clock = time.slice(0, 5);
  return clock === '' || clock === '00:00' ? `${day}` : `${day} ${clock} UTC`;
}

/**
 * "Jane Doe, John Roe · 2024-03-04", or null when there is neither a byline nor a date. No "By":
 * the article may be in any language.
 */
export function bylineLine(article: Article): string | null {
  const names = article.authors.length > 0 ? article.authors.join(', ') : article.byline;
  const parts = [names, article.publishedTime ? displayDate(article.publishedTime) : null];
  const line = parts.filter((part): part is string => !!part).join(' · ');
  return line === '' ? null : line;
}

export function renderText(article: Article): string {
  const head = [article.title, bylineLine(article)].filter((line): line is string => !!line).join('\n');
  const parts = [head, article.text].filter((part) => part !== '');
  return `${parts.join('\n\n')}\n`;
}
