// test/library.test.ts
// The package as library users reach it: cleanHtml() for pages in memory (string or bytes, any
// charset), typed errors for a wrong argument, the renderers and the schema path, require() from
// CommonJS through the package's exports, and a tarball that ships only what users run.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA_PATH, cleanArticle, cleanHtml, isCleanError, toMarkdown, toText } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPANISH = join(ROOT, 'fixtures', 'charset--content-type-only-es');
const tmp = mkdtempSync(join(tmpdir(), 'clean-article-library-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: 180_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('cleanHtml: a page in memory', () => {
  const expected = JSON.parse(readFileSync(join(SPANISH, 'expected.json'), 'utf8')) as { title: string; textIncludes?: string[] };
  const bytes = readFileSync(join(SPANISH, 'source.html'));
  const { url, contentType } = JSON.parse(readFileSync(join(SPANISH, 'case.json'), 'utf8')) as { url: string; contentType: string };

  it('bytes plus their Content-Type give the same article as the file read by cleanArticle()', async () => {
    const fromFile = await cleanArticle(join(SPANISH, 'source.html'), { url });
    const inMemory = cleanHtml(bytes, { url, contentType, source: join(SPANISH, 'source.html') });
    expect(inMemory.title).toBe(expected.title);
    expect(inMemory.text).toContain('€');
    // The file has no charset of its own, so only the Content-Type given here decodes the euro sign.
    expect(fromFile.text).not.toContain('€');
    expect([inMemory.source, inMemory.url]).toEqual([join(SPANISH, 'source.html'), url]);
  });

  it('a string is taken as text already decoded, whatever its <meta charset> says', () => {
    const html = bytes.toString('latin1').replace('<head>', '<head><meta charset="shift_jis">');
    const article = cleanHtml(html, { url });
    expect(article.title).toBe(expected.title);
    expect(article.source).toBe('html');
    expect(toText(article)).toContain(expected.title);
    expect(toMarkdown(article).startsWith('---\n')).toBe(true);
  });

  it('refuses what is not a page with typed errors', async () => {
    const codes = [];
    for (const attempt of [() => cleanHtml(42 as unknown as string), () => cleanHtml(''), () => cleanArticle(Buffer.from('<p>x</p>') as unknown as string)]) {
      try {
        await attempt();
        codes.push('no error');
      } catch (error) {
        codes.push(isCleanError(error) ? error.code : `untyped: ${String(error)}`);
      }
    }
    expect(codes).toEqual(['E_INPUT', 'E_EMPTY', 'E_INPUT']);
  });

  // Issue 12 audit: a web server's folder listing has more words than --min-words.
  it('refuses a folder listing as E_NO_ARTICLE, but not a story with that title, and minWords 0 takes anything', () => {
    const listing = readFileSync(join(ROOT, 'fixtures', 'notarticle--server-folder-listing-en', 'source.html'));
    expect(() => cleanHtml(listing)).toThrow(expect.objectContaining({ code: 'E_NO_ARTICLE', message: expect.stringContaining('folder listing') }));
    expect(cleanHtml(listing, { minWords: 0 }).title).toBe('Index of /media/harbour-reports/');
    const story = `<html><head><title>Index of /rivers: the county's new flood map</title></head><body><article><h1>Index of /rivers</h1>
      <p>The county published a new index of the rivers most likely to flood this winter, with maps for every parish along the valley.</p></article></body></html>`;
    expect(cleanHtml(story).wordCount).toBeGreaterThan(10);
  });

  // Issue 12 audit: cleanArticle('<html>…') said only "no such file".
  it('cleanArticle() given HTML instead of a path says to use cleanHtml()', async () => {
    await expect(cleanArticle('  <html><body><p>A story.</p></body></html>')).rejects.toMatchObject({
      code: 'E_INPUT',
      message: expect.stringMatching(/^no such file: .*use cleanHtml\(\)$/),
    });
  });

  // Issue 12: a page whose only text is "Copyright 2024" was a two-word article.
  it('refuses a page with fewer words than minWords (5 by default) as E_NO_ARTICLE; minWords 0 takes it', () => {
    const page = readFileSync(join(ROOT, 'fixtures', 'notarticle--copyright-line-only-en', 'source.html'));
    expect(() => cleanHtml(page)).toThrow(expect.objectContaining({ code: 'E_NO_ARTICLE', message: expect.stringContaining('only 2 words') }));
    expect(cleanHtml(page, { minWords: 0 }).text).toBe('Copyright 2024');
    expect(() => cleanHtml(bytes, { contentType, minWords: 100_000 })).toThrow(expect.objectContaining({ code: 'E_NO_ARTICLE' }));
  });

  it('exports the schema path', () => {
    const schema = JSON.parse(readFileSync(ARTICLE_SCHEMA_PATH, 'utf8')) as { title: string };
    expect(schema.title).toBe('clean-article output');
  });
});

describe('the package', () => {
  it('require() from CommonJS loads the built library through its exports', async () => {
    const project = join(tmp, 'cjs');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules', 'clean-article'));
    writeFileSync(
      join(project, 'use.cjs'),
      [
        "const { cleanHtml, toText } = require('clean-article');",
        "const schema = require('clean-article/schema.json');",
        "const body = '<p>' + 'The harbour ferry returns to service after months of engine repairs. '.repeat(6) + '</p>';",
        "const article = cleanHtml('<title>Ferry back</title><article><h1>Ferry back</h1>' + body + '</article>');",
        'console.log(JSON.stringify({ title: article.title, text: toText(article).includes("engine repairs"), schema: schema.title }));',
      ].join('\n'),
    );
    const result = await run(process.execPath, ['use.cjs'], project);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ title: 'Ferry back', text: true, schema: 'clean-article output' });
  });

  // dist/bundle is the worker bundle and its V8 code cache, built for this machine's Node.
  it('the tarball ships the CLI, the library and the schema, not the bench, the tools or the worker bundle', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = await run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    expect(result.code, result.stderr).toBe(0);
    const files = (JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining(['bin/clean-article.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'schema/article.schema.json']),
    );
    expect(files.filter((path) => /^dist\/(bench|tools|bundle)\//.test(path))).toEqual([]);
    expect(files).toContain('dist/batch/worker.js');
  });
});
