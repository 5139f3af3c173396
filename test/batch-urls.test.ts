// test/batch-urls.test.ts
// --urls lists through the real CLI against two local servers (127.0.0.1 only, started and
// stopped here): the per-host limit holds, a slow host does not hold back a fast one, records
// keep list order, and stdin works as the list.

import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, numberedPage, runCliProcess } from './helpers/batch.js';

interface Host {
  server: Server;
  base: string;
  maxConcurrent: number;
  firstRequestAt: number;
  lastResponseAt: number;
  /** Settles when the first request arrives. */
  firstRequest: Promise<void>;
}

/**
 * A host that answers each request after `delayMs`, and not before `hold` settles: the slow host
 * holds its answers until the fast host has been asked (or 30 s pass), so "the fast host was served
 * while the slow one still had pages to send" is true by construction when the scheduler is right
 * and false when the fast host waits behind the slow one, at any machine speed.
 */
async function startHost(delayMs: number, hold: Promise<unknown> = Promise.resolve()): Promise<Host> {
  let concurrent = 0;
  let arrived = (): void => {};
  const host = { maxConcurrent: 0, firstRequestAt: Infinity, lastResponseAt: 0 } as Host;
  host.firstRequest = new Promise<void>((resolve) => (arrived = resolve));
  const released = Promise.race([hold, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
  host.server = createServer((request, response) => {
    concurrent++;
    arrived();
    host.maxConcurrent = Math.max(host.maxConcurrent, concurrent);
    host.firstRequestAt = Math.min(host.firstRequestAt, Date.now());
    const answer = () =>
      setTimeout(() => {
        concurrent--;
        host.lastResponseAt = Date.now();
        const n = Number(/\/page\/(\d+)/.exec(request.url ?? '')?.[1] ?? NaN);
        if (Number.isNaN(n)) return response.writeHead(404).end('not found');
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(numberedPage(n));
      }, delayMs);
    void released.then(answer);
  });
  await new Promise<void>((resolve) => host.server.listen(0, '127.0.0.1', resolve));
  host.base = `http://127.0.0.1:${(host.server.address() as AddressInfo).port}`;
  return host;
}

let slow: Host;
let fast: Host;
let tmp: string;

beforeAll(async () => {
  fast = await startHost(20);
  slow = await startHost(400, fast.firstRequest);
  tmp = mkdtempSync(join(tmpdir(), 'clean-article-batch-urls-'));
});

afterAll(() => {
  slow.server.close();
  fast.server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('batch: --urls', () => {
  it('keeps list order, holds the per-host limit, and a slow host does not hold back a fast one', async () => {
    const urls = [
      ...Array.from({ length: 8 }, (_, n) => `${slow.base}/page/${n}`),
      ...Array.from({ length: 4 }, (_, n) => `${fast.base}/page/${100 + n}`),
      `${fast.base}/missing`,
    ];
    const list = join(tmp, 'urls.txt');
    writeFileSync(list, `# two hosts\n\n${urls.join('\n')}\n`);
    const run = await runCliProcess(['--urls', list, '--per-host', '2', '-j', '2']);
    expect(run.code, run.stderr).toBe(1);
    const records = jsonLines(run.stdout);
    expect(records.map((record) => record['source'])).toEqual(urls);
    expect(records.slice(0, 12).every((record) => record['error'] === undefined)).toBe(true);
    expect((records[12]!['error'] as { code: string }).code).toBe('E_HTTP_STATUS');
    expect(slow.maxConcurrent).toBe(2);
    expect(fast.maxConcurrent).toBeLessThanOrEqual(2);
    // The fast host was served while the slow one still had pages to send.
    expect(fast.firstRequestAt).toBeLessThan(slow.lastResponseAt);
  });

  it('reads the list from stdin with --urls -', async () => {
    const run = await runCliProcess(['--urls', '-', '-j', '1'], { stdin: `${fast.base}/page/7\n${fast.base}/page/8\n` });
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run.stdout).map((record) => record['title'])).toEqual([
      'Harbour bridge story number 7 reopens after repairs',
      'Harbour bridge story number 8 reopens after repairs',
    ]);
  });
});
