// test/batch-stdout-errors.test.ts
// A batch writing JSON Lines to a stdout that fails (a full disk, /dev/full): every input is
// counted once, as ok, failed, stopped part way or not started, and a page whose record never
// reached stdout is E_OUTPUT, not ok. The summary said "1 ok" for a record /dev/full refused.

import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { BIN, jsonLines, numberedPage, ROOT, writeTree } from './helpers/batch.js';

let tmp: string;

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'batch', 'worker.js')), 'run `npx tsc -p .` (npm test builds first)').toBe(true);
  tmp = mkdtempSync(join(tmpdir(), 'clean-article-stdout-errors-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** An empty page first (an E_EMPTY line) unless told not to, then `count` good pages. */
function pages(name: string, count: number, empty = true): string {
  const root = join(tmp, name);
  const files: Record<string, string> = empty ? { 'a-empty.html': '' } : {};
  for (let n = 0; n < count; n++) files[`p${String(n).padStart(2, '0')}.html`] = numberedPage(n);
  writeTree(root, files);
  return root;
}

interface Counts {
  ok: number;
  failed: number;
  codes: string;
  cutShort: number;
  notStarted: number;
}

function summaryCounts(stderr: string): Counts {
  const match = /^clean-article: (\d+) ok, (\d+) failed(?: \(([^)]*)\))?(?:.*, interrupted: (\d+) stopped part way, (\d+) not started)?.* in /m.exec(stderr);
  expect(match, stderr).not.toBeNull();
  const [, ok, failed, codes, cutShort, notStarted] = match!;
  return { ok: Number(ok), failed: Number(failed), codes: codes ?? '', cutShort: Number(cutShort ?? 0), notStarted: Number(notStarted ?? 0) };
}

/** A stdout that takes `accepted` writes, then fails each later one with `code`, as a full disk does. */
function failingStdout(accepted: number, code: string, taken: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (taken.length >= accepted) return callback(Object.assign(new Error(`${code}: injected`), { code }));
      taken.push(chunk.toString());
      callback();
    },
  });
}

describe('batch: a stdout that fails', () => {
  it('counts only the records stdout took as ok; the rest of the cleaned pages are E_OUTPUT', async () => {
    const root = pages('injected', 20);
    const taken: string[] = [];
    let stderr = '';
    const io = {
      stdin: Object.assign(Readable.from([]), { isTTY: true }),
      stdout: failingStdout(2, 'ENOSPC', taken),
      stderr: new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
          stderr += chunk.toString();
          callback();
        },
      }),
    };
    const code = await runCli(['node', 'clean-article', root, '-j', '1', '--max-connections', '1', '-q'], io);
    expect(code, stderr).toBe(1);
    // The E_EMPTY line and the first page went out; the second page's record met the full disk.
    const written = jsonLines(taken.join(''));
    expect(written.map((record) => (record['error'] as { code?: string } | undefined)?.code ?? 'ok')).toEqual(['E_EMPTY', 'ok']);
    const counts = summaryCounts(stderr);
    expect(counts.ok, stderr).toBe(1);
    expect(counts.codes, stderr).toMatch(/^E_EMPTY 1, E_OUTPUT [1-9]\d*$/);
    expect(counts.ok + counts.failed + counts.cutShort + counts.notStarted, stderr).toBe(21);
    expect(stderr).toContain('clean-article: E_OUTPUT: cannot write the records to stdout (ENOSPC); the batch stopped');
  });

  it('stdout on /dev/full: no page is ok, every input is counted once, exit 1', async () => {
    // Good pages only: the first one cleaned is the first record /dev/full refuses.
    const { code, stderr } = await runToDevFull([pages('dev-full', 3, false), '-j', '1']);
    expect(code, stderr).toBe(1);
    const counts = summaryCounts(stderr);
    expect(counts.ok, stderr).toBe(0);
    expect(counts.codes, stderr).toMatch(/^E_OUTPUT [1-9]$/);
    expect(counts.ok + counts.failed + counts.cutShort + counts.notStarted, stderr).toBe(3);
    expect(stderr).toContain('cannot write the records to stdout (ENOSPC)');
  });

  it("a WARC file's records on /dev/full are not ok either", async () => {
    const { code, stderr } = await runToDevFull([join('fixtures', 'warc', 'wget-site.warc.gz')]);
    expect(code, stderr).toBe(1);
    const counts = summaryCounts(stderr);
    expect(counts.ok, stderr).toBe(0);
    expect(counts.codes, stderr).toMatch(/^E_OUTPUT [1-9]$/);
    expect(stderr).toContain('cannot write the records to stdout (ENOSPC)');
  });
});

/** Runs the built CLI with its stdout on /dev/full (Linux): every write fails with ENOSPC. */
async function runToDevFull(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  let stderr = '';
  try {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', full, 'pipe'] });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', resolve);
    });
    return { code, stderr };
  } finally {
    closeSync(full);
  }
}
