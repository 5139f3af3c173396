// test/fetch-cli.test.ts
// The fetch flags through the CLI: every error endpoint prints exactly one stderr line and exits 1
// (in-process with injected streams, and as real processes that must also exit promptly), and
// --header, --user-agent, --retries and --cache reach the request.

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_TITLE } from './helpers/article-page.js';
import { jsonLines } from './helpers/batch.js';
import { type CliResult, runCliInMemory } from './helpers/cli-memory.js';
import { startFetchServer, startRawServer, type FetchServer } from './helpers/fetch-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'clean-article.js');
/**
 * --retries 1 keeps the default backoff under a second. The deadline is short only where a
 * deadline is the error under test (a server that never answers); elsewhere it is minutes, so a
 * busy machine cannot turn E_TOO_LARGE or E_FETCH into E_TIMEOUT.
 */
const limitsFor = (code: string): string[] => ['--timeout', code === 'E_TIMEOUT' ? '1' : '300', '--max-bytes', '1048576', '--retries', '1'];
const LIMITS = limitsFor('any');

let web: FetchServer;
let raw: FetchServer;
let cacheRoot: string;

beforeAll(async () => {
  [web, raw] = await Promise.all([startFetchServer(), startRawServer()]);
  cacheRoot = mkdtempSync(join(tmpdir(), 'clean-article-cli-cache-'));
});

afterAll(async () => {
  await Promise.all([web.close(), raw.close()]);
  rmSync(cacheRoot, { recursive: true, force: true });
});

function run(args: readonly string[]): Promise<CliResult> {
  return runCliInMemory(args, { tty: true });
}

function spawnCli(args: readonly string[]): Promise<CliResult & { ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 240_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

function expectOneErrorLine(result: CliResult, code: string, url: string): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines, result.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(new RegExp(`^clean-article: ${code}: [^\\n]+ \\(${url.replace(/[.?*+()[\]\\]/g, '\\$&')}\\)$`));
}

const ERRORS: ReadonlyArray<[code: string, path: string]> = [
  ['E_TOO_LARGE', '/bomb'],
  ['E_TOO_LARGE', '/huge'],
  ['E_TOO_LARGE', '/huge-declared'],
  ['E_TIMEOUT', '/trickle'],
  ['E_TIMEOUT', '/no-headers'],
  ['E_REDIRECT', '/loop/a'],
  ['E_INPUT', '/to-ftp'],
  ['E_HTTP_STATUS', '/missing'],
  ['E_HTTP_STATUS', '/always-503'],
  ['E_HTTP_STATUS', '/429-long'],
  ['E_NOT_HTML', '/paper'],
  ['E_FETCH', '/reset'],
];

describe.concurrent('one stderr line and exit 1 per error', () => {
  it.each(ERRORS)('%s from %s', async (code, path) => {
    const url = `${web.base}${path}?cli`;
    expectOneErrorLine(await run([...limitsFor(code), url]), code, url);
  });

  it.each([
    ['E_TIMEOUT', '/partial-headers'],
    ['E_FETCH', '/reset-at-once'],
    ['E_FETCH', '/garbage'],
  ])('%s from a raw socket %s', async (code, path) => {
    const url = `${raw.base}${path}`;
    expectOneErrorLine(await run([...limitsFor(code), url]), code, url);
  });

  it('an unsupported scheme given directly is E_INPUT', async () => {
    expectOneErrorLine(await run(['gopher://127.0.0.1/story']), 'E_INPUT', 'gopher://127.0.0.1/story');
  });

  it.each([
    ['E_TOO_LARGE', '/bomb'],
    ['E_TIMEOUT', '/no-headers'],
    ['E_FETCH', '/reset'],
    ['E_HTTP_STATUS', '/missing'],
  ])('a real process: %s from %s, with no stack trace, exiting promptly', async (code, path) => {
    const url = `${web.base}${path}?spawn`;
    const result = await spawnCli([...limitsFor(code), url]);
    expectOneErrorLine(result, code, url);
    expect(result.stderr).not.toContain('    at ');
    // A socket or timer left open would hold the process until the server gives up (never, for
    // /no-headers) or the 300 s deadline fires; the bound is a guard against that hang, far
    // above any start-up time, and below the deadline.
    expect(result.ms).toBeLessThan(200_000);
  });
});

describe('fetch flags', () => {
  it('--user-agent and repeated --header are sent', async () => {
    await run([...LIMITS, '--user-agent', 'ua-test/2', '--header', 'X-One: 1', '--header', 'X-Two:  two words ', `${web.base}/echo?flags`]);
    const sent = web.lastHeaders.get('/echo?flags');
    expect(sent?.['user-agent']).toBe('ua-test/2');
    expect(sent?.['x-one']).toBe('1');
    expect(sent?.['x-two']).toBe('two words');
  });

  // Issue 13.1: a redirect must not hand the user's cookies and tokens to another origin.
  it('--header values follow a redirect on the same origin, and are dropped once it leaves', async () => {
    const other = await startFetchServer();
    try {
      const secrets = [
        '--header',
        'Cookie: s=SECRET',
        '--header',
        'Authorization: Bearer T',
        '--header',
        'Proxy-Authorization: Basic U',
        '--header',
        'X-Custom: 1',
      ];
      await run([...LIMITS, ...secrets, `${web.base}/bounce?to=${encodeURIComponent('/echo?same')}`]);
      const same = web.lastHeaders.get('/echo?same');
      expect(same?.['cookie']).toBe('s=SECRET');
      expect(same?.['authorization']).toBe('Bearer T');
      await run([...LIMITS, ...secrets, `${web.base}/bounce?to=${encodeURIComponent(`${other.base}/echo?cross`)}`]);
      const cross = other.lastHeaders.get('/echo?cross');
      expect(cross, 'the redirect was followed').toBeDefined();
      for (const name of ['cookie', 'authorization', 'proxy-authorization', 'x-custom']) expect(cross?.[name], name).toBeUndefined();
      expect(cross?.['user-agent']).toMatch(/clean-article/);
    } finally {
      await other.close();
    }
  });

  // Issue 13.1: user:password@ in a URL (the user's, or a redirect's) was printed in records and
  // error lines, and became part of every link resolved against the page's address.
  it('user:password@ in a URL is never printed: not in records, links, error lines or the summary', async () => {
    const other = await startFetchServer();
    try {
      const withSecret = (base: string, who: string): string => base.replace('http://', `http://${who}:s3cret-${who}@`);
      const target = `${withSecret(other.base, 'hop')}/story?creds`;
      const single = await run([...LIMITS, `${withSecret(web.base, 'me')}/bounce?to=${encodeURIComponent(target)}`]);
      expect(single.code, single.stderr).toBe(0);
      const article = JSON.parse(single.stdout) as { source: string; url: string; html: string };
      expect(article.source).toBe(`${web.base}/bounce?to=${encodeURIComponent(target)}`);
      expect(article.url).toBe(`${other.base}/story?creds`);
      const failed = await run([...LIMITS, `${withSecret(web.base, 'me')}/missing?creds`]);
      expect(failed.stderr).toBe(`clean-article: E_HTTP_STATUS: HTTP 404 (${web.base}/missing?creds)\n`);
      const batch = await run([...LIMITS, '-q', `${withSecret(web.base, 'me')}/story?batch`, `${withSecret(web.base, 'me')}/missing?batch`]);
      expect(jsonLines(batch.stdout).map((record) => record['source'])).toEqual([`${web.base}/story?batch`, `${web.base}/missing?batch`]);
      // The redirect target's own secret is in the first URL's query string, as given; the user's never shows.
      for (const [what, text] of Object.entries({ single: single.stdout + single.stderr, failed: failed.stderr, batch: batch.stdout + batch.stderr })) {
        expect(text, what).not.toContain('s3cret-me');
      }
    } finally {
      await other.close();
    }
  });

  it.each([['no colon'], [': no name'], ['Bad Name: x']])('--header %j is a usage error (exit 2)', async (header) => {
    expect((await run(['--header', header, `${web.base}/story`])).code).toBe(2);
  });

  it.each([['-1'], ['1.5'], ['many']])('--retries %s is a usage error (exit 2)', async (value) => {
    expect((await run(['--retries', value, `${web.base}/story`])).code).toBe(2);
  });

  it('--retries 0 makes one attempt only', async () => {
    expectOneErrorLine(await run([...LIMITS, '--retries', '0', `${web.base}/always-503?r0`]), 'E_HTTP_STATUS', `${web.base}/always-503?r0`);
    expect(web.hits.get('/always-503?r0')).toBe(1);
  });

  it('--cache DIR: the second run prints the same article without fetching', async () => {
    const cache = join(cacheRoot, 'cli');
    const url = `${web.base}/story?cli-cache`;
    const first = await run([...LIMITS, '--cache', cache, url]);
    const second = await run([...LIMITS, '--cache', cache, url]);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect((JSON.parse(second.stdout) as { title: string }).title).toBe(ARTICLE_TITLE);
    expect(web.hits.get('/story?cli-cache')).toBe(1);
    expect(readdirSync(cache)).toHaveLength(1);
  });
});
