// src/output/text.ts
// Plain text for reading in a terminal: the title, a line with the byline and date, a blank
// line, then the body from its blocks: paragraphs and headings apart by blank lines, list
// items as "- " lines kept together, quotes as "> " lines.

import type { Article, Block } from '../types.js';
import { textRemovals } from './removals.js';

/** "2024-03-04 09:30 UTC", or only the day when the page gave no time of day. */
export function displayDate(iso: string): string {
  const [day, time = ''] = iso.split('T');
  const clock = time.slice(0, 5);
  return clock === '' || clock === '00:00' ? `${day}` : `${day} ${clock} UTC`;
}

/**
 * Who the story credits, as one line: the people, then the agencies, desks and outlets
 * ("Anna Schmidt, dpa"; "Reuters" when no person is named). Null when it credits no one.
 */
export function creditLine(article: Article): string | null {
  const people = article.authors.length > 0 ? article.authors : article.byline ? [article.byline] : [];
  const credits = [...people, ...(article.organizations ?? [])];
  return credits.length > 0 ? credits.join(', ') : null;
}

/**
 * "Jane Doe, John Roe · 2024-03-04", or null when there is neither a byline nor a date. No "By":
 * the article may be in any language.
 */
export function bylineLine(article: Article): string | null {
  const parts = [creditLine(article), article.publishedTime ? displayDate(article.publishedTime) : null];
  const line = parts.filter((part): part is string => !!part).join(' · ');
  return line === '' ? null : line;
}

/** The blocks as text; consecutive list items make one group, so a list reads as a list. */
function bodyText(blocks: readonly Block[]): string {
  const groups: string[] = [];
  blocks.forEach((block, i) => {
    if (block.type === 'li') {
      const item = `- ${block.text.replace(/\n/g, '\n  ')}`;
      if (blocks[i - 1]?.type === 'li') groups[groups.length - 1] += `\n${item}`;
      else groups.push(item);
    } else if (block.type === 'blockquote') groups.push(block.text.replace(/^/gm, '> '));
    else groups.push(block.text);
  });
  return groups.join('\n\n');
}

export function renderText(article: Article): string {
  const head = [article.title, bylineLine(article)].filter((line): line is string => !!line).join('\n');
  // Text dumps and old records may have no blocks: their text is the body then.
  const body = article.blocks.length > 0 ? bodyText(article.blocks) : article.text;
  const parts = [head, body].filter((part) => part !== '');
  return `${parts.join('\n\n')}\n${textRemovals(article)}`;
}
