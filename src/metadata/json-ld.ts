// src/metadata/json-ld.ts
// Reads schema.org article data from <script type="application/ld+json">: NewsArticle, Article,
// BlogPosting, ReportageNewsArticle and kin, found inside arrays, @graph and mainEntity.

import type { CheerioAPI } from 'cheerio';
import type { PageZone } from './zone.js';
import { cleanString, splitAuthors, toIsoDate, spaceJoinedWords, toTagList, uniqueIgnoringCase } from './values.js';
import type { MetadataFields } from './types.js';

/** Any "…Article" (NewsArticle, ReportageNewsArticle, AnalysisNewsArticle…) and the posting types. */
const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|Review|(?:Medical)?WebPage|ItemPage)$/;
/** Nodes that never describe the story itself, so their dates are not its dates. */
const NOT_THE_STORY = /^(?:Organization|NewsMediaOrganization|Person|WebSite|BreadcrumbList|ListItem|ItemList|ImageObject|VideoObject|SiteNavigationElement)$/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens arrays, @graph containers and a WebPage's mainEntity into one list of nodes. */
function collectNodes(value: unknown, out: JsonObject[]): void {
  if (Array.isArray(value)) for (const item of value) collectNodes(item, out);
  else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) collectNodes(value['@graph'], out);
    if (isObject(value['mainEntity'])) collectNodes(value['mainEntity'], out);
  }
}

/** Types may be arrays or full IRIs ("https://schema.org/NewsArticle"). */
function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//i, ''));
}

/** Follows a bare {"@id": …} reference to the node it names, as @graph pages link authors. */
function resolve(value: unknown, byId: ReadonlyMap<string, JsonObject>): unknown {
  if (!isObject(value) || typeof value['@id'] !== 'string' || value['name'] !== undefined) return value;
  return byId.get(value['@id']) ?? value;
}

function nameOf(value: unknown, byId: ReadonlyMap<string, JsonObject>): string | undefined {
  const node = resolve(value, byId);
  if (typeof node === 'string') return cleanString(node);
  if (Array.isArray(node)) return nameOf(node[0], byId);
  return isObject(node) ? cleanString(node['name']) : undefined;
}

const isOrganization = (node: unknown): boolean => isObject(node) && typesOf(node).some((type) => /Organization$/.test(type));

/** An Organization given as author (an agency, a desk, the publisher) is credited, but as no person. */
function organizationsOf(value: unknown, byId: ReadonlyMap<string, JsonObject>): string[] {
  const list = Array.isArray(value) ? value : [value];
  return uniqueIgnoringCase(
    list.flatMap((entry) => {
      const node = resolve(entry, byId);
      const name = isOrganization(node) ? nameOf(node, byId) : undefined;
      return name ? [name] : [];
    }),
  );
}

/** The caption and credit schema.org gives the article's image (ImageObject caption, creditText…). */
function imageNotesOf(value: unknown, byId: ReadonlyMap<string, JsonObject>): Pick<MetadataFields, 'imageCaption' | 'imageCredit'> {
  const node = resolve(Array.isArray(value) ? value.find(isObject) : value, byId);
  if (!isObject(node)) return {};
  return {
    imageCaption: cleanString(node['caption']) ?? cleanString(node['description']),
    imageCredit: cleanString(node['creditText']) ?? nameOf(node['copyrightHolder'], byId) ?? nameOf(node['author'], byId),
  };
}

/** Authors are people: an Organization given as author (often the publisher itself) is no byline. */
function authorsOf(value: unknown, byId: ReadonlyMap<string, JsonObject>): string[] {
  const list = Array.isArray(value) ? value : [value];
  return uniqueIgnoringCase(
    list.flatMap((entry) => {
      const node = resolve(entry, byId);
      if (isOrganization(node)) return [];
      const name = nameOf(node, byId);
      return name ? splitAuthors(name) : [];
    }),
  );
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanString(value);
  if (Array.isArray(value)) return urlOf(value[0]);
  return isObject(value) ? cleanString(value['url'] ?? value['contentUrl'] ?? value['@id']) : undefined;
}

function firstString(value: unknown): string | undefined {
  return cleanString(Array.isArray(value) ? value.find((entry) => typeof entry === 'string') : value);
}

/** Prefers real article types over WebPage, as a page often carries both. */
function pickArticle(nodes: JsonObject[]): JsonObject | undefined {
  const articles = nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type)));
  return articles.find((node) => !typesOf(node).some((type) => /WebPage$/.test(type))) ?? articles[0];
}

/**
 * CMSes often emit JSON-LD with raw line breaks inside strings or wrapped in comment markers;
 * a second, tolerant attempt keeps those pages' metadata.
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const cleaned = text.replace(/^\s*(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/)|(?:-->|\/\*\s*\]\]>\s*\*\/)\s*$|;\s*$/g, '');
    // Trailing commas ("Science", ]) are the other common hand-written slip.
    return JSON.parse(cleaned.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([\]}])/g, '$1'));
  }
}

export function readJsonLd($: CheerioAPI, zone?: PageZone): MetadataFields {
  const nodes: JsonObject[] = [];
  for (const script of $('script[type="application/ld+json" i]').toArray()) {
    try {
      collectNodes(parseJson($(script).text()), nodes);
    } catch {
      // Broken JSON-LD is common; the other sources still fill the fields.
    }
  }
  const byId = new Map(nodes.filter((node) => typeof node['@id'] === 'string').map((node) => [node['@id'] as string, node]));
  const article = pickArticle(nodes);
  const site = nodes.find((node) => typesOf(node).includes('WebSite'));
  const siteName = site ? nameOf(site['name'], byId) : undefined;
  if (!article) return { siteName };
  const authors = authorsOf(article['author'] ?? article['creator'], byId);
  const organizations = organizationsOf(article['author'] ?? article['creator'], byId);
  // A page split into WebPage + ClaimReview (or similar) may date only the second node.
  const dated = [article, ...nodes.filter((node) => node !== article && !typesOf(node).some((type) => NOT_THE_STORY.test(type)))];
  const dateOf = (key: string): string | undefined => dated.map((node) => toIsoDate(node[key], zone)).find((date) => date !== undefined);
  const tags = toTagList(article['keywords']);
  return {
    title: cleanString(article['headline']) ?? cleanString(article['name']),
    authors: authors.length > 0 ? authors : undefined,
    organizations: organizations.length > 0 ? organizations : undefined,
    ...imageNotesOf(article['image'], byId),
    siteName: nameOf(article['publisher'], byId) ?? siteName,
    publishedTime: dateOf('datePublished') ?? dateOf('dateCreated'),
    modifiedTime: dateOf('dateModified'),
    lang: cleanString(article['inLanguage']) ?? (site ? cleanString(site['inLanguage']) : undefined),
    excerpt: cleanString(article['description']),
    imageUrl: urlOf(article['image'] ?? article['thumbnailUrl']),
    canonicalUrl: urlOf(article['mainEntityOfPage']) ?? cleanString(article['url']),
    tags: tags.length > 0 ? tags : undefined,
    keywordWords: tags.length > 0 ? undefined : spaceJoinedWords(article['keywords']),
    section: firstString(article['articleSection']),
    articleBody: typeof article['articleBody'] === 'string' ? article['articleBody'] : undefined,
  };
}
