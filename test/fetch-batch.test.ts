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

describe('--urls with every endpoint', () => {
  it('gives exactly one record per URL, in order, each with the right article or error code', async () => {
    const urls = [
      ...FETCH_PATHS.map((path) => `${web.base}${path}`),
      ...['/partial-headers', '/reset-at-once', '/garbage'].map((path) => `${raw.base}${path}`),
    ];
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `# every endpoint\n${urls.join('\n')}\n`);
    const args = [BIN, '--urls', list, '--timeout', '2', '--max-bytes', '1048576', '--retries', '1', '--quiet'];
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, args, { cwd: ROOT, timeout: 60_000, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, out) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: out });
      });
    });
    expect(code).toBe(1);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as BatchLine);
    expect(lines.map((line) => line.source)).toEqual(urls);
    for (const [index, line] of lines.entries()) {
      const path = new URL(urls[index]!).pathname;
      const expected = EXPECTED_ERRORS[path];
      if (expected) expect(line.error?.code, path).toBe(expected);
      else expect(line.error, `${path}: ${line.error?.message}`).toBeUndefined();
    }
  });
});
