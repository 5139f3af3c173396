// test/formats.test.ts
// Every --format: json (pretty, --compact), jsonl, text, markdown and html, through runCli and
// the renderers; and, for every fixture, Markdown carries the same paragraphs as `text`.

import { readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { readFileInput } from '../src/input/file.js';
import { render } from '../src/output/index.js';
import { cleanRaw } from '../src/pipeline.js';
import type { Article } from '../src/types.js';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, SUBSCRIBE_LINE, articleHtml } from './helpers/article-page.js';
import { articleFixtures } from './helpers/fixtures.js';

const RICH_BODY = `<article><h1>Harbour bridge reopens</h1><p class="byline">By Maria Lindqvist</p>
<p>${ARTICLE_PARAGRAPHS[0]} See <a href="https://city.example/works">the city's page</a>.</p>
<h2>What changed</h2><ul><li>New cables on the main span</li><li>A wider cycle lane</li></ul>
<figure><img src="https://img.example/bridge.jpg" alt="The bridge at dawn"><figcaption>The bridge at dawn</figcaption></figure>
<blockquote><p>It is like a new bridge, only older.</p></blockquote><p>${ARTICLE_PARAGRAPHS[1]}</p><p>${ARTICLE_PARAGRAPHS[2]}</p></article>`;
const RICH_HEAD = `<title>Harbour bridge reopens | Coastal Times</title><meta property="og:site_name" content="Coastal Times">
<meta property="article:published_time" content="2024-03-04T09:30:00Z"><meta property="article:tag" content="Bridges">
<meta name="description" content="The bridge is open &quot;again&quot; & busy.">`;
const RICH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">${RICH_HEAD}</head><body>${RICH_BODY}</body></html>`;

function clean(html: string): Article {
  return cleanRaw({ source: 'page.html', bytes: Buffer.from(html), contentType: null, url: 'https://coastal.example/bridge' });
}

async function cli(args: readonly string[], stdin: string): Promise<string> {
  let out = '';
  const io = {
    stdin: Object.assign(Readable.from([Buffer.from(stdin)]), { isTTY: false }),
    stdout: new Writable({
      write: (chunk: Buffer, _e, done) => {
        out += chunk.toString();
        done();
      },
    }),
    stderr: new Writable({ write: (_chunk, _e, done) => done() }),
  };
  expect(await runCli(['node', 'clean-article', ...args], io)).toBe(0);
  return out;
}

/** Markdown reduced to plain text: no syntax, no escapes, no images, one space between words. */
function markdownText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:#+|>|-|\d+\.)\s+/gm, '')
    .replace(/^\|?\s*(?:---\s*\|\s*)*---\s*\|?$/gm, ' ')
    .replace(/\|/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1')
    .replace(/(\*\*|__|(?<!\w)_|_(?!\w)|`)/g, '')
    .replace(/\s+/g, ' ');
}

function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('--format json and jsonl', () => {
  it('prints pretty JSON by default, also when stdout is not a terminal', async () => {
    const out = await cli([], articleHtml());
    expect(out.split('\n').length).toBeGreaterThan(10);
    expect((JSON.parse(out) as Article).title).toBe(ARTICLE_TITLE);
  });

  it('--compact and jsonl print one line', async () => {
    for (const args of [['--compact'], ['--format', 'jsonl']]) {
      const out = await cli(args, articleHtml());
      expect(out.endsWith('\n')).toBe(true);
      expect(out.trimEnd().includes('\n')).toBe(false);
      expect((JSON.parse(out) as Article).title).toBe(ARTICLE_TITLE);
    }
  });
});

describe('--format text', () => {
  it('prints the title, a line with the byline and date, a blank line, then the paragraphs', async () => {
    const out = await render(clean(RICH_PAGE), 'text');
    expect(out.startsWith(`Harbour bridge reopens\nMaria Lindqvist · 2024-03-04 09:30 UTC\n\n${ARTICLE_PARAGRAPHS[0]}`)).toBe(true);
  });
});

/** Issue 10: a byline crediting a person and an agency; and one crediting only an agency. */
const AGENCY_PAGE = RICH_PAGE.replace('<p class="byline">By Maria Lindqvist</p>', '<p class="byline">By Maria Lindqvist, Reuters</p>');
const AGENCY_ONLY_PAGE = RICH_PAGE.replace('<p class="byline">By Maria Lindqvist</p>', '<p class="byline">By Reuters</p>');

describe('organizations in every format that shows the authors', () => {
  it('text and html credit the people, then the agency; Markdown front matter lists it', async () => {
    const article = clean(AGENCY_PAGE);
    expect(article.authors).toEqual(['Maria Lindqvist']);
    expect(article.organizations).toEqual(['Reuters']);
    expect(await render(article, 'text')).toContain('\nMaria Lindqvist, Reuters · 2024-03-04 09:30 UTC\n');
    expect(await render(article, 'html')).toMatch(/<p class="byline">Maria Lindqvist, Reuters · <time/);
    expect(await render(article, 'markdown')).toContain('organizations:\n  - "Reuters"\n');
  });

  it('a story credited only to an agency shows the agency', async () => {
    const article = clean(AGENCY_ONLY_PAGE);
    expect(article.authors).toEqual([]);
    expect(await render(article, 'text')).toContain('\nReuters · 2024-03-04 09:30 UTC\n');
    expect(await render(article, 'html')).toMatch(/<p class="byline">Reuters · <time/);
  });
});

/** Issue 12: a list, a heading, a tfoot written before its tbody, and a no-break space at a line's end. */
const TABLE_PAGE = `<html><head><title>Tide tables</title></head><body><article><h1>Tide tables</h1><p>${ARTICLE_PARAGRAPHS[0]}&nbsp;</p>
<h2>What changes</h2><ul><li>Morning crossings move earlier.</li><li>The last Sunday crossing is dropped.</li></ul><p>${ARTICLE_PARAGRAPHS[1]}</p>
<table><thead><tr><th>Day</th><th>High water</th></tr></thead><tfoot><tr><td>Times</td><td>local</td></tr></tfoot>
<tbody><tr><td>Monday</td><td>06:12</td></tr><tr><td>Tuesday</td><td>06:58</td></tr></tbody></table><p>${ARTICLE_PARAGRAPHS[2]}</p></article></body></html>`;

describe('lists, headings and table footers in text and Markdown', () => {
  const article = clean(TABLE_PAGE);

  it('text keeps "- " on list items, together, and blank lines around headings', async () => {
    const out = await render(article, 'text');
    expect(out).toContain('\n\nWhat changes\n\n- Morning crossings move earlier.\n- The last Sunday crossing is dropped.\n\n');
  });

  it('a table footer comes last, in text, Markdown and the text field', async () => {
    const rows = ['Day\tHigh water', 'Monday\t06:12', 'Tuesday\t06:58', 'Times\tlocal'];
    expect(article.text).toContain(rows.join('\n'));
    expect(await render(article, 'text')).toContain(rows.join('\n'));
    expect(await render(article, 'markdown')).toContain('| Day | High water |\n| --- | --- |\n| Monday | 06:12 |\n| Tuesday | 06:58 |\n| Times | local |');
  });

  it('Markdown lines do not end in a no-break space', async () => {
    const out = await render(article, 'markdown');
    expect(out).toContain(ARTICLE_PARAGRAPHS[0]!);
    expect(out).not.toMatch(/\u00a0$/m);
  });
});

describe('--format markdown', () => {
  const article = clean(RICH_PAGE);

  it('starts with YAML front matter holding the metadata', async () => {
    const out = await render(article, 'markdown');
    const front = out.split('\n---\n')[0]!;
    expect(front.startsWith('---\n')).toBe(true);
    expect(front).toContain('title: "Harbour bridge reopens"');
    expect(front).toContain('authors:\n  - "Maria Lindqvist"');
    expect(front).toContain('publishedTime: "2024-03-04T09:30:00.000Z"');
    expect(front).toContain('tags:\n  - "Bridges"');
    expect(front).toContain('excerpt: "The bridge is open \\"again\\" & busy."');
    expect(front).toContain('section: null');
  });

  it('keeps headings, lists, links, images and quotes', async () => {
    const body = (await render(article, 'markdown')).split('\n---\n')[1]!;
    expect(body).toContain('# Harbour bridge reopens');
    expect(body).toContain('## What changed');
    expect(body).toMatch(/^-\s+New cables on the main span$/m);
    expect(body).toContain("[the city's page](https://city.example/works)");
    expect(body).toContain('![The bridge at dawn](https://img.example/bridge.jpg)');
    expect(body).toContain('> It is like a new bridge, only older.');
  });
});

describe('--format html', () => {
  it('is a standalone HTML5 document with charset, title and metadata tags', async () => {
    const out = await cli(['--format', 'html'], RICH_PAGE);
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(out).toContain('<meta charset="utf-8">');
    expect(out).toContain('<title>Harbour bridge reopens</title>');
    expect(out).toContain('<meta name="author" content="Maria Lindqvist">');
    expect(out).toContain('<meta name="description" content="The bridge is open &quot;again&quot; &amp; busy.">');
    expect(out).toContain('<meta property="article:published_time" content="2024-03-04T09:30:00.000Z">');
    expect(out).toContain('<meta property="article:tag" content="Bridges">');
    expect(out).toContain('<h2>What changed</h2>');
    expect(out).not.toMatch(/<script|<nav|class="byline">By /);
    expect(out.trimEnd().endsWith('</html>')).toBe(true);
  });

  // Issue 12: browser defaults only, <article> in <article>, Readability's wrapper div, empty headers.
  it('is a reader page: one article, no extraction wrappers, a built-in stylesheet with a dark mode', async () => {
    const out = await cli(['--format', 'html'], RICH_PAGE);
    expect(out.match(/<article\b/g)).toHaveLength(1);
    expect(out).not.toMatch(/readability-page|<header>\s*<\/header>/);
    expect(out).toMatch(/<style>[^<]*max-width: 38rem[^<]*prefers-color-scheme: dark[^<]*<\/style>/);
    expect(out).not.toMatch(/<link rel="stylesheet"|@import|url\(/);
    const untitled = await cli(['--format', 'html'], `<html><body><div><p>${ARTICLE_PARAGRAPHS.join('</p><p>')}</p></div></body></html>`);
    expect(untitled).not.toContain('<header>');
  });
});

// Issue 12: --explain with --format text or markdown was silently ignored.
describe('--explain in the reading formats', () => {
  const page = articleHtml({ title: ARTICLE_TITLE });

  it('ends text, Markdown and HTML with what was removed, filter by filter; nothing without --explain', async () => {
    for (const format of ['text', 'markdown', 'html']) {
      const explained = await cli(['--format', format, '--explain'], page);
      expect(explained, format).toContain('Removed by clean-article (--explain)');
      expect(explained, format).toMatch(new RegExp(`[a-z-]+(</code>|\`)?: ${SUBSCRIBE_LINE}`));
      const plainRun = await cli(['--format', format], page);
      expect(plainRun, format).not.toContain('Removed by clean-article');
      expect(plainRun, format).not.toContain(SUBSCRIBE_LINE);
    }
  });
});

describe('renderers load lazily', () => {
  it('output/index.ts imports no renderer statically, so turndown loads only for markdown', () => {
    const source = readFileSync(new URL('../src/output/index.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import .*(turndown|\.\/(json|text|markdown|html)\.js)/m);
  });
});

describe('every fixture: Markdown renders the same paragraphs as text', () => {
  for (const fixture of articleFixtures()) {
    it(fixture.slug, async () => {
      const raw = await readFileInput(fixture.sourcePath!, 20 * 1024 * 1024);
      const article = cleanRaw(
        { ...raw, source: fixture.slug, contentType: fixture.caseJson.contentType ?? null, url: null },
        { url: fixture.caseJson.url, disabledFilters: fixture.caseJson.disabledFilters },
      );
      const markdown = markdownText((await render(article, 'markdown')).split('\n---\n').slice(1).join('\n---\n'));
      let from = 0;
      for (const paragraph of article.text.split('\n\n')) {
        const at = markdown.indexOf(plain(paragraph), from);
        expect(at, `${fixture.slug}: paragraph missing or out of order: ${paragraph.slice(0, 80)}`).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
    });
  }
});
