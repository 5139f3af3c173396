// test/startup.test.ts
// --help and --version must answer without loading jsdom (or anything else the pipeline needs).
// Two independent witnesses on the built CLI (dist/), each with a control run proving it can see
// jsdom when jsdom does load:
//   1. a module resolve hook (test/helpers/record-imports.mjs) logging every resolved module URL;
//   2. the CommonJS module cache (jsdom and commander are CommonJS packages) after runCli().

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { articleHtml } from './helpers/article-page.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'clean-article.js');
const HOOK = pathToFileURL(join(ROOT, 'test', 'helpers', 'record-imports.mjs')).href;
/** Modules only the pipeline needs; none may load for --help or --version. */
const HEAVY = ['/jsdom/', '/@mozilla/readability/', '/cheerio/', '/dist/pipeline.js', '/dist/index.js', '/dist/api.js'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function node(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...args],
      { cwd: ROOT, timeout: 240_000, encoding: 'utf8', env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

let dir: string;
let pagePath: string;
let logCount = 0;

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js')), 'run `npx tsc -p .` (npm test builds first)').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'clean-article-startup-'));
  pagePath = join(dir, 'story.html');
  writeFileSync(pagePath, articleHtml());
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs bin/clean-article.js under the resolve hook; returns the run and every module URL it resolved. */
async function runWithHook(cliArgs: readonly string[], env: Record<string, string> = {}): Promise<Run & { modules: string[] }> {
  const logFile = join(dir, `imports-${++logCount}.log`);
  writeFileSync(logFile, '');
  const run = await node(['--import', HOOK, BIN, ...cliArgs], { ...env, RECORD_IMPORTS_LOG: logFile });
  const modules = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  return { ...run, modules };
}

function heavyModules(modules: readonly string[]): string[] {
  return modules.filter((url) => HEAVY.some((part) => url.includes(part)));
}

describe('startup: module resolve hook', () => {
  it.each([
    ['--version', (out: string) => expect(out.trim()).toBe(VERSION)],
    ['--help', (out: string) => expect(out).toContain('Usage: clean-article')],
    ['-h', (out: string) => expect(out).toContain('Usage: clean-article')],
  ])('%s does not load jsdom', async (flag, checkOutput) => {
    const run = await runWithHook([flag]);
    expect(run.code, run.stderr).toBe(0);
    checkOutput(run.stdout);
    // The hook saw the CLI itself, so an empty jsdom list means something.
    expect(run.modules.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(run.modules.some((url) => url.includes('/commander/'))).toBe(true);
    expect(heavyModules(run.modules)).toEqual([]);
  });

  // jsdom, cheerio and sanitize-html are require()d when the first HTML page needs them, which
  // this ESM hook does not see; the CommonJS cache witness below covers jsdom itself.
  // The worker would run the pipeline from the worker bundle (src/batch/worker-bundle.ts), which
  // resolves no modules; the control loads them one by one as the hook can see.
  it('control: cleaning a page does load the pipeline, so the hook would notice', async () => {
    const run = await runWithHook([pagePath], { CLEAN_ARTICLE_NO_BUNDLE: '1' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.modules.some((url) => url.endsWith('/dist/parse/cheerio-load.js'))).toBe(true);
    expect(run.modules.some((url) => url.endsWith('/dist/pipeline.js'))).toBe(true);
  });
});

/**
 * Imports dist/cli/main.js, calls runCli() with a fake io, then reports which CommonJS modules
 * are cached in this thread. With PROBE_LIBRARY=1 it calls the library's cleanArticle() in this
 * thread instead (the CLI cleans single pages in a worker thread, whose cache this cannot see).
 */
const CACHE_PROBE = `
import { createRequire } from 'node:module';
import { Readable, Writable } from 'node:stream';
const require = createRequire(import.meta.url);
const { runCli } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)});
let out = '';
const stdin = Readable.from([]);
stdin.isTTY = true;
const sink = (append) => new Writable({ write(chunk, _e, cb) { append(String(chunk)); cb(); } });
const io = { stdin, stdout: sink((t) => { out += t; }), stderr: sink(() => {}) };
const args = JSON.parse(process.env.PROBE_ARGS);
let code = 0;
if (process.env.PROBE_LIBRARY === '1') {
  const { cleanArticle } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'api.js')).href)});
  out = (await cleanArticle(args[0])).title ?? '';
} else {
  code = await runCli(['node', 'clean-article', ...args], io);
}
const cached = Object.keys(require.cache);
process.stdout.write(JSON.stringify({
  code,
  out,
  commander: cached.filter((p) => p.includes('/commander/')).length,
  jsdom: cached.filter((p) => p.includes('/jsdom/')),
  parsers: cached.filter((p) => ['cheerio', 'parse5', 'htmlparser2', 'sanitize-html', 'undici', 'css-select'].some((name) => p.includes('/node_modules/' + name + '/'))),
}));
`;

async function probeCache(
  cliArgs: readonly string[],
  library = false,
): Promise<{ code: number; out: string; commander: number; jsdom: string[]; parsers: string[] }> {
  const run = await node(['--input-type=module', '-e', CACHE_PROBE], { PROBE_ARGS: JSON.stringify(cliArgs), PROBE_LIBRARY: library ? '1' : '0' });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { code: number; out: string; commander: number; jsdom: string[]; parsers: string[] };
}

describe('startup: CommonJS module cache after runCli()', () => {
  it.each([['--version'], ['--help']])('%s leaves jsdom unloaded', async (flag) => {
    const result = await probeCache([flag]);
    expect(result.code).toBe(0);
    expect(result.out.length).toBeGreaterThan(0);
    expect(result.commander, 'commander (CommonJS) shows up in the cache').toBeGreaterThan(0);
    expect(result.jsdom).toEqual([]);
  });

  it('control: cleaning a page puts jsdom in the cache', async () => {
    const result = await probeCache([pagePath], true);
    expect(result.code).toBe(0);
    expect(result.jsdom.length).toBeGreaterThan(0);
    expect(result.parsers.some((path) => path.includes('/cheerio/'))).toBe(true);
    expect(result.parsers.some((path) => path.includes('/sanitize-html/'))).toBe(true);
    expect(result.parsers.some((path) => path.includes('/css-select/'))).toBe(true);
  });

  // The single page is cleaned in a worker thread, which died at start when it inherited the
  // process's --input-type flag (this probe runs under `node --input-type=module -e`).
  it('runCli cleans a page in its worker under node --input-type=module', async () => {
    const result = await probeCache([pagePath]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('"title"');
  });

  // Issue 12: a text dump loaded jsdom (and undici) only to never use them, then cheerio's whole
  // entry (undici again), parse5, htmlparser2 and sanitize-html: about 0.4 s of its start-up.
  it('cleaning a text dump leaves jsdom and every HTML parser unloaded', async () => {
    const dumpPath = join(dir, 'dump.txt');
    writeFileSync(
      dumpPath,
      [
        'Harbour bridge reopens after repairs',
        '',
        ...Array.from({ length: 4 }, () => 'The bridge reopened to traffic on Monday after two years of repairs to its main span and cables.'),
      ].join('\n'),
    );
    const result = await probeCache([dumpPath], true);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Harbour bridge reopens');
    expect(result.jsdom).toEqual([]);
    expect(result.parsers).toEqual([]);
  });

  // The compiled selectors (src/parse/select.ts) imported css-select and its DOM helpers with the
  // filters, so a text dump loaded them too (0.05 s of its start-up): they load with the first
  // selector tested. The resolve hook sees ES module imports, the probe above CommonJS requires.
  it('cleaning a text dump imports no selector engine', async () => {
    const dumpPath = join(dir, 'dump-imports.txt');
    writeFileSync(dumpPath, ['Harbour bridge reopens after repairs', '', 'The bridge reopened to traffic on Monday after two years of repairs.'].join('\n'));
    const logFile = join(dir, 'imports-dump.log');
    writeFileSync(logFile, '');
    const run = await node(['--import', HOOK, '--input-type=module', '-e', CACHE_PROBE], {
      PROBE_ARGS: JSON.stringify([dumpPath]),
      PROBE_LIBRARY: '1',
      RECORD_IMPORTS_LOG: logFile,
    });
    expect(run.code, run.stderr).toBe(0);
    const modules = readFileSync(logFile, 'utf8').split('\n');
    expect(
      modules.some((url) => url.includes('/dist/api.js')),
      'the hook saw the library load',
    ).toBe(true);
    expect(modules.filter((url) => ['/css-select/', '/css-what/', '/domutils/'].some((part) => url.includes(part)))).toEqual([]);
  });
});
