// test/batch-interrupt-reads.test.ts
// An interrupt ends the reads still in progress at once: a URL whose server never answers and a
// FIFO no one writes to held a SIGTERMed batch for the whole --timeout (66 s with --timeout 60)
// instead of stopping it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetryableStatus } from '../src/input/http-errors.js';
import { withRetries } from '../src/input/retry.js';
import { startCli } from './helpers/batch.js';

/** Far longer than the hang guard below: only the interrupt can end these reads before it. */
const READ_TIMEOUT_S = '3600';
/** The hang guard: a batch still running this long after its start is killed, and the test fails. */
const HANG_GUARD_MS = 60_000;

let tmp: string;
let server: Server;
const sockets = new Set<Socket>();
let requestArrived: Promise<void>;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'clean-article-interrupt-'));
  let arrived: () => void = () => {};
  requestArrived = new Promise((resolve) => (arrived = resolve));
  // Takes the connection and the request, and never says a word back.
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => arrived());
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

describe('batch: an interrupt while pages are still being read', () => {
  it(
    'SIGTERM ends a read from a silent server and from a FIFO with no writer: exit 130, both counted as stopped',
    async () => {
      const fifo = join(tmp, 'page.html');
      execFileSync('mkfifo', [fifo]);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/never-answers`;
      const { child, done } = startCli([fifo, url, '-j', '1', '--timeout', READ_TIMEOUT_S, '--retries', '0'], { killAfterMs: HANG_GUARD_MS });
      // The URL is the second input, started after the FIFO's read: both are in progress now.
      await requestArrived;
      child.kill('SIGTERM');
      const run = await done;
      expect(run.signal, 'killed by the hang guard: the reads held the batch').toBeNull();
      expect(run.code, run.stderr).toBe(130);
      expect(run.stdout).toBe('');
      // No record for either, so --resume reads them again.
      expect(run.stderr).toMatch(/^clean-article: 0 ok, 0 failed, interrupted: 2 stopped part way, 0 not started in /);
    },
    HANG_GUARD_MS + 30_000,
  );

  it('the signal also ends the wait before a retry (a 503 asking for an hour)', async () => {
    const stop = new AbortController();
    let attempts = 0;
    const attempt = async (): Promise<never> => {
      attempts++;
      // The interrupt comes while withRetries waits out the server's Retry-After.
      setImmediate(() => stop.abort());
      throw new RetryableStatus(503, 3_600_000);
    };
    const policy = { retries: 2, baseMs: 1000, maxRetryAfterMs: 7_200_000, signal: stop.signal };
    await expect(withRetries(attempt, policy)).rejects.toMatchObject({ name: 'AbortError' });
    expect(attempts).toBe(1);
  }, 30_000);
});
