// src/output/markdown.ts
// Markdown for note-taking tools and LLM pipelines: YAML front matter with the metadata, then the
// article with its headings, lists, links, images and quotes (converted by turndown).

import TurndownService from 'turndown';
import type { Article } from '../types.js';
import { markdownRemovals } from './removals.js';

type Yaml = string | number | null | readonly string[] | { readonly [key: string]: string | null };

/** JSON strings are valid YAML double-quoted scalars, so every string is quoted exactly once. */
function yamlLine(key: string, value: Yaml): string {
  if (value === null || typeof value === 'number') return `${key}: ${value}`;
  if (typeof value === 'string') return `${key}: ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return value.length === 0 ? `${key}: []` : [`${key}:`, ...value.map((item) => `  - ${JSON.stringify(item)}`)].join('\n');
  const entries = Object.entries(value as Record<string, string | null>);
  return [`${key}:`, ...entries.map(([name, item]) => `  ${name}: ${item === null ? 'null' : JSON.stringify(item)}`)].join('\n');
}

export function frontMatter(article: Article): string {
  const fields: Array<[string, Yaml]> = [
    ['title', article.title],
    ['authors', article.authors],
    ['organizations', article.organizations],
    ['byline', article.byline],
    ['siteName', article.siteName],
    ['url', article.url],
    ['canonicalUrl', article.canonicalUrl],
    ['publishedTime', article.publishedTime],
    ['modifiedTime', article.modifiedTime],
    ['lang', article.lang],
    ['excerpt', article.excerpt],
    ['section', article.section],
    ['tags', article.tags],
    ['leadImage', article.leadImage ? { ...article.leadImage } : null],
    ['wordCount', article.wordCount],
    ['readingTimeMinutes', article.readingTimeMinutes],
  ];
  return ['---', ...fields.map(([key, value]) => yamlLine(key, value)), '---'].join('\n');
}

function cellText(cell: HTMLElement): string {
  return (cell.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/** The rows in the order a browser shows them: head, body, and the footer last wherever it stands. */
function rowsInDisplayOrder(table: HTMLElement): Element[] {
  // Array.from, not spread: turndown's Node DOM (domino) returns array-likes that are not iterable.
  const rows = Array.from(table.querySelectorAll('tr'));
  const inFooter = (row: Element): boolean => row.parentElement?.nodeName.toLowerCase() === 'tfoot';
  return [...rows.filter((row) => !inFooter(row)), ...rows.filter(inFooter)];
}

/** A GFM pipe table; turndown's core would run the cells together. The first row is the header. */
function tableToMarkdown(table: HTMLElement): string {
  const rows = rowsInDisplayOrder(table).map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cellText(cell as HTMLElement)));
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width === 0) return '';
  const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header = [], ...body] = rows;
  return `\n\n${[line(header), line(Array<string>(width).fill('---')), ...body.map(line)].join('\n')}\n\n`;
}

function createConverter(): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_' });
  // Ruby readings are drawn above their words; inline they would double them, as in `text`.
  service.remove(['rt', 'rp']);
  service.addRule('table', { filter: 'table', replacement: (_content, node) => tableToMarkdown(node as HTMLElement) });
  return service;
}

/** The body as Markdown; a leading heading that repeats the title is left to the "# title" line. */
export function articleMarkdown(article: Article): string {
  const body = createConverter().turndown(article.html).trim();
  const heading = article.title ? `# ${article.title}` : '';
  const firstLine = body.split('\n')[0] ?? '';
  const repeatsTitle = !!article.title && firstLine.replace(/^#+\s*/, '') === article.title;
  return [heading, repeatsTitle ? body.slice(firstLine.length).trim() : body].filter((part) => part !== '').join('\n\n');
}

export function renderMarkdown(article: Article): string {
  // A no-break space before a line's end is invisible and only breaks diffs and line joins.
  return `${frontMatter(article)}\n\n${articleMarkdown(article).replace(/[\u00a0 ]*\u00a0$/gm, '')}\n${markdownRemovals(article)}`;
}
