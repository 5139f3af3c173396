// src/bench/metadata.ts
// `npm run bench -- --metadata` (or `node dist/bench/metadata.js [--dist DIR] [--list FIELD]`):
// counts over the 181 benchmark pages of what the metadata found: titles, dates, authors, authors
// that look like roles or organisations, organisations, tags that look like CMS codes, images
// with captions and with credits. The benchmark has no metadata truth, so these are counts a
// person can check by hand (--list prints the values behind one count), not scores.
// --dist runs another build's pipeline (an older commit's dist/) for a before/after table.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../types.js';
import { benchDir, loadPages } from './pages.js';

type CleanRaw = (raw: { source: string; bytes: Buffer; contentType: null; url: string | null }, options?: object) => Article;

/**
 * A credit that is not a person, by this check's own word list, written apart from
 * src/metadata/credits.ts so that it checks that code instead of repeating it: a job title or
 * role, a desk or team, a wire agency, an outlet or a domain, an e-mail, digits, or a long phrase.
 */
const ROLE_WORDS =
  /\b(?:staff|team|desk|reporter|editor|editors|writer|correspondent|contributor|columnist|newsroom|redaktion|agency|agencies|press|news|media|service|wire|online|digital|bureau|associated|reuters|afp|dpa|ap|bloomberg|xinhua|tass|efe|ansa|pa|getty|by|photo|analysis|opinion)\b/i;
const DOMAIN = /\b[a-z0-9-]+\.(?:com|org|net|de|co|uk|ru|fr|it|es|info|io)\b/i;

export function looksLikeRoleOrOrganization(name: string): boolean {
  if (ROLE_WORDS.test(name) || DOMAIN.test(name) || /[@\d]/.test(name)) return true;
  // A person's name runs to a few words; six or more is a sentence or a title glued on.
  if (name.split(/\s+/).length >= 6) return true;
  // An acronym alone ("BBC", "NPR") is an outlet; a name in capitals ("JILL LAWLESS") is not.
  return /^[A-Z]{2,5}$/.test(name.trim());
}

/** Tags a reader would not call a topic: CMS codes, ids, key:value labels, paths, page types and switches. */
export function looksLikeCmsCode(tag: string): boolean {
  if (/^(?:video|photo)?articles?$|^uncategori[sz]ed$|^no(?:index|follow)$|-(?:true|false)$/i.test(tag)) return true;
  return /^[\w-]*_[\w-]*$/.test(tag) || /^\d+$/.test(tag) || /^[0-9a-f-]{16,}$/i.test(tag) || /^[\w ]+:\s/.test(tag) || /^\S*\/\S*$/.test(tag);
}

interface Counts {
  pages: number;
  failed: number;
  title: number;
  publishedTime: number;
  authors: number;
  roleAuthors: number;
  organizations: number;
  tags: number;
  cmsTags: number;
  leadImage: number;
  leadCaption: number;
  leadCredit: number;
  images: number;
  captions: number;
  credits: number;
}

function count(articles: Array<Article | null>, listField: string | undefined): Counts {
  const c: Counts = {
    pages: articles.length,
    failed: 0,
    title: 0,
    publishedTime: 0,
    authors: 0,
    roleAuthors: 0,
    organizations: 0,
    tags: 0,
    cmsTags: 0,
    leadImage: 0,
    leadCaption: 0,
    leadCredit: 0,
    images: 0,
    captions: 0,
    credits: 0,
  };
  const list = (field: string, value: unknown): void => {
    if (field === listField) console.log(`  ${field}: ${JSON.stringify(value)}`);
  };
  for (const a of articles) {
    if (!a) {
      c.failed++;
      continue;
    }
    if (a.title) c.title++;
    if (a.publishedTime) c.publishedTime++;
    else list('publishedTime', a.canonicalUrl ?? a.title);
    if (a.authors.length > 0) c.authors++;
    const roles = a.authors.filter(looksLikeRoleOrOrganization);
    c.roleAuthors += roles.length;
    if (roles.length > 0) list('roleAuthors', roles);
    list('authors', a.authors);
    const organizations = (a as { organizations?: string[] }).organizations ?? [];
    if (organizations.length > 0) c.organizations++;
    list('organizations', organizations);
    if (a.tags.length > 0) c.tags++;
    const codes = a.tags.filter(looksLikeCmsCode);
    c.cmsTags += codes.length;
    if (codes.length > 0) list('cmsTags', codes);
    if (a.leadImage?.url) c.leadImage++;
    if (a.leadImage?.caption) c.leadCaption++;
    if (a.leadImage?.credit) c.leadCredit++;
    list('leadImage', a.leadImage);
    c.images += a.images.length;
    c.captions += a.images.filter((image) => image.caption).length;
    c.credits += a.images.filter((image) => image.credit).length;
    list('images', a.images);
  }
  return c;
}

function printCounts(c: Counts): void {
  const of = (n: number, total: number): string => `${n} of ${total}`;
  console.log('| count | value |\n|---|---|');
  const rows: Array<[string, string]> = [
    ['pages (failed)', `${c.pages} (${c.failed})`],
    ['title non-empty', of(c.title, c.pages)],
    ['publishedTime found', of(c.publishedTime, c.pages)],
    ['authors found (pages)', of(c.authors, c.pages)],
    ['author entries that look like roles or organisations', String(c.roleAuthors)],
    ['organizations found (pages)', of(c.organizations, c.pages)],
    ['tags found (pages)', of(c.tags, c.pages)],
    ['tags that look like CMS codes', String(c.cmsTags)],
    ['lead image URL (pages)', of(c.leadImage, c.pages)],
    ['lead image with caption / credit', `${c.leadCaption} / ${c.leadCredit}`],
    ['article images', String(c.images)],
    ['article images with caption / credit', `${c.captions} / ${c.credits}`],
  ];
  for (const [label, value] of rows) console.log(`| ${label} | ${value} |`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const dist = resolve(value('--dist') ?? new URL('..', import.meta.url).pathname);
  const { cleanRaw } = (await import(pathToFileURL(resolve(dist, 'pipeline.js')).href)) as { cleanRaw: CleanRaw };
  const articles = loadPages(benchDir()).map((page) => {
    try {
      return cleanRaw({ source: page.id, bytes: page.bytes, contentType: null, url: page.url || null });
    } catch {
      return null;
    }
  });
  console.log(`metadata over the ${articles.length} benchmark pages, pipeline of ${dist}\n`);
  printCounts(count(articles, value('--list')));
}

await main();
