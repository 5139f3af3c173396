// src/output/html.ts
// A clean standalone reader page of the article: charset, title and metadata in <meta> tags, a
// small built-in stylesheet, then one <article> with the title, the byline and the cleaned body.

import type { Article } from '../types.js';
import { htmlRemovals } from './removals.js';
import { creditLine, displayDate } from './text.js';

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function meta(attribute: 'name' | 'property', key: string, value: string | null): string[] {
  return value ? [`<meta ${attribute}="${key}" content="${escapeText(value)}">`] : [];
}

/** The metadata as the standard tags other tools read back (author, description, OpenGraph). */
function headTags(article: Article): string[] {
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(article.title ?? '')}</title>`,
    ...article.authors.flatMap((author) => meta('name', 'author', author)),
    ...meta('name', 'description', article.excerpt),
    ...meta('property', 'og:site_name', article.siteName),
    ...meta('property', 'og:url', article.url),
    ...meta('property', 'og:image', article.leadImage?.url ?? null),
    ...meta('property', 'article:published_time', article.publishedTime),
    ...meta('property', 'article:modified_time', article.modifiedTime),
    ...meta('property', 'article:section', article.section),
    ...article.tags.flatMap((tag) => meta('property', 'article:tag', tag)),
    ...(article.canonicalUrl ? [`<link rel="canonical" href="${escapeText(article.canonicalUrl)}">`] : []),
    '<meta name="generator" content="clean-article">',
  ];
}

/**
 * A readable page with no network request: a measure of about 70 characters, system fonts,
 * media scaled to the column, wide tables scrolled, dark colours when the reader prefers them.
 */
const STYLESHEET = [
  ':root { color-scheme: light dark; }',
  'body { margin: 0; padding: 2rem 1.25rem 4rem; background: #fcfcfa; color: #1c1c1e;',
  '  font: 1.125rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }',
  'article { max-width: 38rem; margin: 0 auto; overflow-wrap: break-word; }',
  'h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; }',
  'h2, h3, h4, h5, h6 { line-height: 1.3; margin: 2rem 0 0.5rem; }',
  '.byline { color: #5f5f63; margin: 0 0 2rem; }',
  'img, video, picture, svg { max-width: 100%; height: auto; }',
  'figure { margin: 1.75rem 0; }',
  'figcaption { color: #5f5f63; font-size: 0.9rem; margin-top: 0.4rem; }',
  'blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid #c7c7cc; }',
  'pre { overflow-x: auto; padding: 0.75rem; background: #f0f0ed; }',
  'table { display: block; overflow-x: auto; border-collapse: collapse; }',
  'th, td { border: 1px solid #d1d1d6; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }',
  'a { color: #0b57d0; }',
  '.removed { max-width: 38rem; margin: 3rem auto 0; font-size: 0.9rem; color: #5f5f63; }',
  '@media (prefers-color-scheme: dark) {',
  '  body { background: #1b1b1d; color: #e5e5e7; }',
  '  .byline, figcaption { color: #a1a1a6; }',
  '  pre { background: #2a2a2d; }',
  '  blockquote { border-color: #48484a; }',
  '  th, td { border-color: #48484a; }',
  '  a { color: #8ab4f8; }',
  '}',
].join('\n');

function header(article: Article): string[] {
  const names = creditLine(article);
  const date = article.publishedTime ? `<time datetime="${escapeText(article.publishedTime)}">${escapeText(displayDate(article.publishedTime))}</time>` : null;
  const byline = [names ? escapeText(names) : null, date].filter((part): part is string => part !== null).join(' · ');
  const lines = [...(article.title ? [`<h1>${escapeText(article.title)}</h1>`] : []), ...(byline ? [`<p class="byline">${byline}</p>`] : [])];
  return lines.length > 0 ? ['<header>', ...lines, '</header>'] : [];
}

export function renderHtml(article: Article): string {
  const lang = article.lang ? ` lang="${escapeText(article.lang)}"` : '';
  return [
    '<!DOCTYPE html>',
    `<html${lang}>`,
    '<head>',
    ...headTags(article),
    `<style>\n${STYLESHEET}\n</style>`,
    '</head>',
    '<body>',
    '<article>',
    ...header(article),
    article.html,
    '</article>',
    ...htmlRemovals(article, escapeText),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
