// test/metadata-fixtures.test.ts
// The fixtures/metadata--*/ pages, one per metadata source or group of sources. For each one:
// `metadataSources` (with explain) must equal the hand-written `expectedSources` of its case.json,
// and every --format must carry its metadata and its paragraphs. The field values themselves are
// pinned by expected.json, which test/fixtures.test.ts checks. Together the folders must make every
// metadata source the winner of at least one field.

import * as cheerio from 'cheerio';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFileInput } from '../src/input/file.js';
import { render } from '../src/output/index.js';
import { displayDate } from '../src/output/text.js';
import { cleanRaw } from '../src/pipeline.js';
import type { Article } from '../src/types.js';
import { listFixtures, type FixtureCase } from './helpers/fixtures.js';

type Sources = Record<string, string>;

interface MetadataCase {
  url?: string;
  note?: string;
  expectedSources?: Sources;
}

interface Expected {
  title?: string | null;
  authors?: string[];
  publishedTime?: string | null;
  text?: string;
}

/** Every source a page can carry; each must win at least one field in some metadata fixture. */
const EVERY_SOURCE = [
  'json-ld',
  'opengraph',
  'twitter',
  'meta',
  'dublin-core',
  'itemprop',
  'time',
  'byline',
  'canonical',
  'html-lang',
  'content-language',
  'title',
  'title-suffix',
  'detected',
] as const;

const fixtures = listFixtures().filter((fixture) => fixture.slug.startsWith('metadata--'));

async function clean(fixture: FixtureCase, explain: boolean): Promise<Article> {
  const raw = await readFileInput(fixture.sourcePath!, 20 * 1024 * 1024);
  return cleanRaw({ ...raw, source: fixture.slug, contentType: null, url: null }, { url: fixture.caseJson.url, explain });
}

function caseOf(fixture: FixtureCase): MetadataCase {
  return fixture.caseJson as MetadataCase;
}

function expectedOf(fixture: FixtureCase): Expected {
  return JSON.parse(readFileSync(fixture.expectedPath, 'utf8')) as Expected;
}

/** The hand-written paragraphs of expected.json's `text` (not the program's own). */
function paragraphsOf(expected: Expected): string[] {
  return (expected.text ?? '').split('\n\n').filter((paragraph) => paragraph.trim() !== '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Markdown reduced to plain text: no syntax, no escapes, no images, one space between words. */
function markdownText(markdown: string): string {
  return oneLine(
    markdown
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s*(?:#+|>|-|\d+\.)\s+/gm, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1')
      .replace(/(\*\*|__|(?<!\w)_|_(?!\w)|`)/g, ''),
  );
}

/** The paragraphs must appear in `haystack` in order. */
function expectInOrder(haystack: string, paragraphs: readonly string[], label: string): void {
  let from = 0;
  for (const paragraph of paragraphs) {
    const at = haystack.indexOf(oneLine(paragraph), from);
    expect(at, `${label}: paragraph missing or out of order: ${paragraph.slice(0, 80)}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

describe('metadata fixtures', () => {
  it('exist, each with a case.json naming the sources it expects and an expected.json with title and text', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
    for (const fixture of fixtures) {
      expect(fixture.sourcePath, `${fixture.slug} has no source.html`).not.toBeNull();
      expect(Object.keys(caseOf(fixture).expectedSources ?? {}), `${fixture.slug}: case.json has no expectedSources`).not.toEqual([]);
      const expected = expectedOf(fixture);
      expect(typeof expected.title, `${fixture.slug}: expected.json pins no title`).toBe('string');
      expect(paragraphsOf(expected).length, `${fixture.slug}: expected.json pins under 3 paragraphs`).toBeGreaterThanOrEqual(3);
    }
  });

  it('make every metadata source win at least one field, as the program reports it', async () => {
    const winners = new Set<string>();
    for (const fixture of fixtures) {
      for (const source of Object.values((await clean(fixture, true)).metadataSources ?? {})) winners.add(source);
    }
    expect(EVERY_SOURCE.filter((source) => !winners.has(source))).toEqual([]);
  });
});

describe('metadata fixtures: --explain names the winning source of each field', () => {
  for (const fixture of fixtures) {
    it(fixture.slug, async () => {
      const article = await clean(fixture, true);
      expect(article.metadataSources).toEqual(caseOf(fixture).expectedSources);
    });
  }
});

describe('metadata fixtures: every format carries the metadata and the paragraphs', () => {
  for (const fixture of fixtures) {
    describe(fixture.slug, () => {
      const expected = expectedOf(fixture);
      const title = expected.title ?? '';
      const authors = expected.authors ?? [];
      const published = expected.publishedTime ?? null;
      const paragraphs = paragraphsOf(expected);
      // Cleaned on first use, so a failure belongs to a test rather than to collection.
      let cached: Promise<Article> | undefined;
      const cleaned = (): Promise<Article> => (cached ??= clean(fixture, false));

      it('json and jsonl parse back to the same article', async () => {
        const value = await cleaned();
        const pretty = await render(value, 'json');
        expect(pretty.split('\n').length).toBeGreaterThan(10);
        expect(JSON.parse(pretty)).toEqual(value);
        expect(JSON.parse(await render(value, 'json', { compact: true }))).toEqual(value);
        const line = await render(value, 'jsonl');
        expect(line.endsWith('\n')).toBe(true);
        expect(line.trimEnd()).not.toContain('\n');
        expect(JSON.parse(line)).toEqual(value);
        expect(JSON.parse(line).title).toBe(title);
      });

      it('text starts with the title, then the authors and date, then every paragraph', async () => {
        const out = await render(await cleaned(), 'text');
        const [first, second] = out.split('\n');
        expect(first).toBe(title);
        const credit = [authors.length > 0 ? authors.join(', ') : null, published ? displayDate(published) : null].filter(Boolean).join(' · ');
        expect(second).toBe(credit);
        expectInOrder(out, paragraphs, 'text');
      });

      it('markdown front matter holds title, authors and date; its body holds every paragraph', async () => {
        const out = await render(await cleaned(), 'markdown');
        expect(out.startsWith('---\n')).toBe(true);
        const end = out.indexOf('\n---\n', 4);
        expect(end).toBeGreaterThan(0);
        const front = out.slice(0, end);
        const body = out.slice(end + 5);
        expect(front).toContain(`\ntitle: ${JSON.stringify(title)}\n`);
        expect(front).toContain(authors.length === 0 ? '\nauthors: []\n' : `\nauthors:\n${authors.map((name) => `  - ${JSON.stringify(name)}`).join('\n')}\n`);
        expect(front).toContain(`\npublishedTime: ${published === null ? 'null' : JSON.stringify(published)}\n`);
        expect(body.trimStart().startsWith(`# ${title}\n`)).toBe(true);
        expectInOrder(markdownText(body), paragraphs, 'markdown');
      });

      it('html is a full document with <title> and every paragraph', async () => {
        const out = await render(await cleaned(), 'html');
        expect(out.startsWith('<!DOCTYPE html>\n<html')).toBe(true);
        expect(out.trimEnd().endsWith('</html>')).toBe(true);
        const $ = cheerio.load(out);
        expect($('head > meta[charset]').length).toBe(1);
        expect($('head > title').text()).toBe(title);
        expect($('article h1').first().text()).toBe(title);
        expect(
          $('head > meta[name="author"]')
            .toArray()
            .map((meta) => $(meta).attr('content')),
        ).toEqual(authors);
        expect($('head > meta[property="article:published_time"]').attr('content')).toBe(published ?? undefined);
        const blocks = $('article p, article blockquote, article li')
          .toArray()
          .map((element) => oneLine($(element).text()));
        expectInOrder(blocks.join('\n'), paragraphs, 'html');
        for (const paragraph of paragraphs) expect(blocks, `html: no element holds exactly: ${paragraph.slice(0, 80)}`).toContain(oneLine(paragraph));
      });
    });
  }
});
