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
}

async function startHost(delayMs: number): Promise<Host> {
  let concurrent = 0;
  const host = { maxConcurrent: 0, firstRequestAt: Infinity, lastResponseAt: 0 } as Host;
  host.server = createServer((request, response) => {
    concurrent++;
    host.maxConcurrent = Math.max(host.maxConcurrent, concurrent);
    host.firstRequestAt = Math.min(host.firstRequestAt, Date.now());
    setTimeout(() => {
      concurrent--;
      host.lastResponseAt = Date.now();
      const n = Number(/\/page\/(\d+)/.exec(request.url ?? '')?.[1] ?? NaN);
      if (Number.isNaN(n)) return response.writeHead(404).end('not found');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(numberedPage(n));
    }, delayMs);
  });
  await new Promise<void>((resolve) => host.server.listen(0, '127.0.0.1', resolve));
  host.base = `http://127.0.0.1:${(host.server.address() as AddressInfo).port}`;
  return host;
}

let slow: Host;
let fast: Host;
let tmp: string;

beforeAll(async () => {
  [slow, fast] = await Promise.all([startHost(400), startHost(20)]);
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
  }, 60_000);

  it('reads the list from stdin with --urls -', async () => {
    const run = await runCliProcess(['--urls', '-', '-j', '1'], { stdin: `${fast.base}/page/7\n${fast.base}/page/8\n` });
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run.stdout).map((record) => record['title'])).toEqual([
      'Harbour bridge story number 7 reopens after repairs',
      'Harbour bridge story number 8 reopens after repairs',
    ]);
  }, 30_000);
});
