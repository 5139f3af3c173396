// src/output/html.ts
// A clean standalone HTML5 document of the article: charset, title and metadata in <meta>
// tags, then the title, byline and the cleaned article body.

import type { Article } from '../types.js';
import { displayDate } from './text.js';

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

function header(article: Article): string[] {
  const names = article.authors.length > 0 ? article.authors.join(', ') : article.byline;
  const date = article.publishedTime ? `<time datetime="${escapeText(article.publishedTime)}">${escapeText(displayDate(article.publishedTime))}</time>` : null;
  const byline = [names ? escapeText(names) : null, date].filter((part): part is string => part !== null).join(' · ');
  return ['<header>', ...(article.title ? [`<h1>${escapeText(article.title)}</h1>`] : []), ...(byline ? [`<p class="byline">${byline}</p>`] : []), '</header>'];
}

export function renderHtml(article: Article): string {
  const lang = article.lang ? ` lang="${escapeText(article.lang)}"` : '';
  return [
    '<!DOCTYPE html>',
    `<html${lang}>`,
    '<head>',
    ...headTags(article),
    '</head>',
    '<body>',
    '<article>',
    ...header(article),
    article.html,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
