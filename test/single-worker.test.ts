// test/single-worker.test.ts
// One input from the command line starts one worker. With recycleAfter 1, the single page's pool
// started a successor as soon as the page was done, only for close() to end it at once, and the
// process waited for both: about 0.1 s of every single page's run.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { WorkerPool } from '../src/batch/pool.js';
import { articleHtml } from './helpers/article-page.js';
import { runCliInMemory } from './helpers/cli-memory.js';

const dir = mkdtempSync(join(tmpdir(), 'clean-article-single-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a single page starts exactly one worker', async () => {
  const page = join(dir, 'page.html');
  writeFileSync(page, articleHtml());
  const started = vi.spyOn(WorkerPool.prototype as unknown as { startWorker(): unknown }, 'startWorker');
  const run = await runCliInMemory([page]);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toHaveProperty('text');
  expect(started).toHaveBeenCalledTimes(1);
});
