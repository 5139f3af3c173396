// src/metadata/json-ld.ts
// Reads schema.org article data from <script type="application/ld+json">, including @graph and arrays.

import { cleanString, splitAuthors, toIsoDate } from './values.js';
import type { MetadataFields } from './types.js';

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|WebPage|SocialMediaPosting|Review)$/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens arrays and @graph containers into one list of nodes. */
function collectNodes(value: unknown, out: JsonObject[]): void {
  if (Array.isArray(value)) for (const item of value) collectNodes(item, out);
  else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) collectNodes(value['@graph'], out);
  }
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanString(value);
  if (Array.isArray(value)) return nameOf(value[0]);
  return isObject(value) ? cleanString(value['name']) : undefined;
}

function authorsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((entry) => {
    const name = nameOf(entry);
    return name ? splitAuthors(name) : [];
  });
}

function imageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanString(value);
  if (Array.isArray(value)) return imageOf(value[0]);
  return isObject(value) ? cleanString(value['url'] ?? value['contentUrl']) : undefined;
}

/** Prefers real article types over WebPage, as a page often carries both. */
function pickArticle(nodes: JsonObject[]): JsonObject | undefined {
  const articles = nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type)));
  return articles.find((node) => !typesOf(node).includes('WebPage')) ?? articles[0];
}

export function readJsonLd(document: Document): MetadataFields {
  const nodes: JsonObject[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      collectNodes(JSON.parse(script.textContent ?? ''), nodes);
    } catch {
      // Broken JSON-LD is common; the other sources still fill the fields.
    }
  }
  const article = pickArticle(nodes);
  const site = nodes.find((node) => typesOf(node).includes('WebSite'));
  if (!article) return { siteName: site ? nameOf(site['name']) : undefined };
  const authors = authorsOf(article['author'] ?? article['creator']);
  return {
    title: cleanString(article['headline']) ?? cleanString(article['name']),
    authors: authors.length > 0 ? authors : undefined,
    siteName: nameOf(article['publisher']) ?? (site ? nameOf(site['name']) : undefined),
    publishedTime: toIsoDate(article['datePublished'] ?? article['dateCreated']),
    modifiedTime: toIsoDate(article['dateModified']),
    lang: cleanString(article['inLanguage']),
    excerpt: cleanString(article['description']),
    imageUrl: imageOf(article['image'] ?? article['thumbnailUrl']),
    articleBody: typeof article['articleBody'] === 'string' ? article['articleBody'] : undefined,
  };
}
