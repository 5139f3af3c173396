// test/fetch-batch.test.ts
// A --urls list holding every endpoint of the hostile test server (and the raw-socket ones) gives
// exactly one record per URL, in list order: the article, or {source, error: {code, message}}.
// Runs the built CLI as a real process, as a user would.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FETCH_PATHS, startFetchServer, startRawServer, type FetchServer } from './helpers/fetch-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'clean-article.js');

/** What each endpoint must end in; every path not listed here gives an article. */
const EXPECTED_ERRORS: Readonly<Record<string, string>> = {
  '/bomb': 'E_TOO_LARGE',
  '/huge': 'E_TOO_LARGE',
  '/huge-declared': 'E_TOO_LARGE',
  '/trickle': 'E_TIMEOUT',
  '/no-headers': 'E_TIMEOUT',
  '/loop/a': 'E_REDIRECT',
  '/loop/b': 'E_REDIRECT',
  '/to-ftp': 'E_INPUT',
  '/missing': 'E_HTTP_STATUS',
  '/always-503': 'E_HTTP_STATUS',
  '/429-long': 'E_HTTP_STATUS',
  '/paper': 'E_NOT_HTML',
  '/image': 'E_NOT_HTML',
  '/reset': 'E_FETCH',
  // A one-line title and nothing else: no article text.
  '/echo': 'E_NO_ARTICLE',
  '/partial-headers': 'E_TIMEOUT',
  '/reset-at-once': 'E_FETCH',
  '/garbage': 'E_FETCH',
};

let web: FetchServer;
let raw: FetchServer;
let dir: string;

beforeAll(async () => {
  [web, raw] = await Promise.all([startFetchServer(), startRawServer()]);
  dir = mkdtempSync(join(tmpdir(), 'clean-article-batch-'));
});

afterAll(async () => {
  await Promise.all([web.close(), raw.close()]);
  rmSync(dir, { recursive: true, force: true });
});

interface BatchLine {
  source: string;
  title?: string;
  error?: { code: string; message: string };
}

/** Endpoints that never finish: only a deadline ends them. */
const NEVER_FINISH = new Set(['/trickle', '/no-headers', '/partial-headers']);

async function runList(urls: readonly string[], timeoutS: string): Promise<{ code: number; lines: BatchLine[] }> {
  const list = join(dir, `urls-${timeoutS}.txt`);
  writeFileSync(list, `# every endpoint\n${urls.join('\n')}\n`);
  const args = [BIN, '--urls', list, '--timeout', timeoutS, '--max-bytes', '1048576', '--retries', '1', '--quiet'];
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, timeout: 240_000, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, out) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: out });
    });
  });
  const lines = stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as BatchLine);
  return { code, lines };
}

function expectCodes(urls: readonly string[], lines: readonly BatchLine[], only: (path: string) => boolean): void {
  expect(lines.map((line) => line.source)).toEqual(urls);
  for (const [index, line] of lines.entries()) {
    const path = new URL(urls[index]!).pathname;
    if (!only(path)) continue;
    const expected = EXPECTED_ERRORS[path];
    if (expected) expect(line.error?.code, path).toBe(expected);
    else expect(line.error, `${path}: ${line.error?.message}`).toBeUndefined();
  }
}

const ALL_URLS = (): string[] => [
  ...FETCH_PATHS.map((path) => `${web.base}${path}`),
  ...['/partial-headers', '/reset-at-once', '/garbage'].map((path) => `${raw.base}${path}`),
];

// Two runs so that no verdict races the machine's speed: with a 2 s deadline, the endpoints that
// never finish must time out (any other record in that run could be slow on a busy machine, so
// only its order and count are checked there); with a 300 s deadline, every other endpoint must
// give its own article or error, which no timer can then change.
describe('--urls with every endpoint', () => {
  it('gives exactly one record per URL, in order; the endpoints that never finish end in E_TIMEOUT', async () => {
    const urls = ALL_URLS();
    const { code, lines } = await runList(urls, '2');
    expect(code).toBe(1);
    expectCodes(urls, lines, (path) => NEVER_FINISH.has(path));
  });

  it('every other endpoint gives its own article or error code, in order', async () => {
    const urls = ALL_URLS().filter((url) => !NEVER_FINISH.has(new URL(url).pathname));
    const { code, lines } = await runList(urls, '300');
    expect(code).toBe(1);
    expectCodes(urls, lines, () => true);
  });
});
