// test/batch-write-errors.test.ts
// Issue 13.6 and 13.8: under -o DIR a write error killed the whole batch (a stack trace, every
// later record lost, no errors.jsonl, a temporary file left). The batch writer takes its
// file-system calls from the CLI's io, so each failure is injected here on cue, with no tmpfs and
// no root: a full disk, a closed pipe and a read-only folder stop all output cleanly; a name the
// file system refuses is that page's record; a folder that cannot be opened is one plain line.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_FILES, type OutputFiles } from '../src/batch/output-files.js';
import { jsonLines, numberedPage, readTree, ROOT, writeTree } from './helpers/batch.js';
import { type CliResult, runCliInMemory } from './helpers/cli-memory.js';

let tmp: string;

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'batch', 'worker.js')), 'run `npx tsc -p .` (npm test builds first)').toBe(true);
  tmp = mkdtempSync(join(tmpdir(), 'clean-article-write-errors-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

type Call = 'mkdir' | 'open' | 'write' | 'writeFile' | 'rename';
/** Which errno a call on a path throws, if any; "SHORT" makes a write take half its bytes. */
type FailOn = (call: Call, path: string) => string | undefined;

/** The real file system, except for the calls `failOn` picks. */
function filesFailing(failOn: FailOn): OutputFiles {
  const check = (call: Call, path: string): string | undefined => {
    const code = failOn(call, path);
    if (code && code !== 'SHORT') throw Object.assign(new Error(`${code}: injected on ${call} ${path}`), { code });
    return code;
  };
  return {
    ...NODE_FILES,
    mkdir: async (path, options) => {
      check('mkdir', path);
      return NODE_FILES.mkdir(path, options);
    },
    writeFile: async (path, text) => {
      check('writeFile', path);
      return NODE_FILES.writeFile(path, text);
    },
    rename: async (from, to) => {
      check('rename', to);
      return NODE_FILES.rename(from, to);
    },
    open: async (path, flags) => {
      check('open', path);
      const handle = await NODE_FILES.open(path, flags);
      return {
        write: async (bytes, offset, length) =>
          check('write', path) === 'SHORT' ? handle.write(bytes, offset, Math.ceil(length / 2)) : handle.write(bytes, offset, length),
        truncate: (length) => handle.truncate(length),
        close: () => handle.close(),
      };
    },
  };
}

/** Fails the nth call of one kind on a page's own file (not the errors file), and every later one. */
function nthPageWrite(call: Call, n: number, code: string): FailOn {
  let seen = 0;
  return (kind, path) => (kind === call && !path.includes('errors.jsonl') && ++seen >= n ? code : undefined);
}

function runWith(files: OutputFiles, args: readonly string[]): Promise<CliResult> {
  return runCliInMemory(args, { tty: true, files });
}

/** An empty page first (its E_EMPTY record is in the errors file before anything fails), then `count` good pages. */
function pages(name: string, count: number): string {
  const root = join(tmp, name);
  const files: Record<string, string> = { 'a-empty.html': '' };
  for (let n = 0; n < count; n++) files[`p${String(n).padStart(2, '0')}.html`] = numberedPage(n);
  writeTree(root, files);
  return root;
}

const temporaries = (tree: Record<string, string>): string[] => Object.keys(tree).filter((name) => name.endsWith('.tmp'));

describe('-o DIR: an error that stops all output', () => {
  it.each([
    ['a full disk', 'ENOSPC'],
    ['a pipe closed under the folder (a network file system)', 'EPIPE'],
    ['a folder made read-only', 'EACCES'],
  ])('%s (%s): no new pages, what was written stays, errors.jsonl holds whole lines, summary, exit 1', async (_what, code) => {
    const root = pages(`stop-${code}`, 30);
    const out = join(tmp, `stop-${code}-out`);
    const run = await runWith(filesFailing(nthPageWrite('writeFile', 3, code)), [root, '-o', out, '-j', '1', '--max-connections', '1', '-q']);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^clean-article: 2 ok, \d+ failed \(E_EMPTY 1, E_OUTPUT \d+\), interrupted: \d+ stopped part way, \d+ not started in /);
    expect(Number(/(\d+) not started/.exec(lines[0]!)?.[1])).toBeGreaterThan(0);
    expect(lines[1]).toBe(`clean-article: E_OUTPUT: cannot write the records to ${out} (${code}); the batch stopped`);
    const tree = readTree(out);
    expect(temporaries(tree)).toEqual([]);
    expect(Object.keys(tree).filter((name) => name.endsWith('.html.json'))).toEqual(['p00.html.json', 'p01.html.json']);
    const errors = jsonLines(tree['errors.jsonl']!);
    expect(errors[0]).toMatchObject({ source: join(root, 'a-empty.html'), error: { code: 'E_EMPTY' } });
    expect(errors[1]).toEqual({ source: join(root, 'p02.html'), error: { code: 'E_OUTPUT', message: `cannot write ${join(out, 'p02.html.json')} (${code})` } });
    // Pages cleaned after the stop have no file either: each is an E_OUTPUT record that says why.
    for (const record of errors.slice(2)) expect(record).toMatchObject({ error: { code: 'E_OUTPUT', message: expect.stringContaining(`stopped (${code})`) } });
    const failedOutput = Number(/E_OUTPUT (\d+)/.exec(lines[0]!)?.[1]);
    expect(errors).toHaveLength(1 + failedOutput);
  });

  it('a disk that fills while the errors file is written: the errors file keeps its whole lines and is published', async () => {
    const root = pages('errors-full', 4);
    const out = join(tmp, 'errors-full-out');
    // Every page fails to write (its record goes to the errors file); the second errors line is cut short by the full disk.
    let errorWrites = 0;
    const failOn: FailOn = (call, path) => {
      if (call === 'writeFile' && !path.includes('errors.jsonl')) return 'ENAMETOOLONG';
      if (call === 'write' && path.includes('errors.jsonl')) return ++errorWrites === 2 ? 'SHORT' : errorWrites > 2 ? 'ENOSPC' : undefined;
      return undefined;
    };
    const run = await runWith(filesFailing(failOn), [root, '-o', out, '-j', '1', '-q']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/\nclean-article: E_OUTPUT: cannot write the records to .* \(ENOSPC\); the batch stopped\n$/);
    const tree = readTree(out);
    expect(temporaries(tree)).toEqual([]);
    // Only the first line made it whole; the half-written second one was cut back off.
    expect(tree['errors.jsonl']).toBe(`${JSON.stringify({ source: join(root, 'a-empty.html'), error: { code: 'E_EMPTY', message: 'the input is empty' } })}\n`);
  });
});

describe('-o DIR: an error that concerns one page', () => {
  it("a name the file system refuses is that page's E_OUTPUT record with the path; the batch goes on, exit 1", async () => {
    const root = pages('one-name', 4);
    const out = join(tmp, 'one-name-out');
    const failOn: FailOn = (call, path) => (call === 'writeFile' && path.includes('.p01.html.json.') ? 'ENAMETOOLONG' : undefined);
    const run = await runWith(filesFailing(failOn), [root, '-o', out, '-j', '2', '-q']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^clean-article: 3 ok, 2 failed \(E_EMPTY 1, E_OUTPUT 1\) in [^\n]*\n$/);
    const tree = readTree(out);
    expect(Object.keys(tree).sort()).toEqual(['errors.jsonl', 'p00.html.json', 'p02.html.json', 'p03.html.json']);
    expect(jsonLines(tree['errors.jsonl']!)[1]).toEqual({
      source: join(root, 'p01.html'),
      error: { code: 'E_OUTPUT', message: `cannot write ${join(out, 'p01.html.json')} (ENAMETOOLONG)` },
    });
  });

  it('a WARC file whose records cannot be written is one E_OUTPUT record, its pages are not counted ok, exit 1', async () => {
    const out = join(tmp, 'warc-full-out');
    const warc = join(ROOT, 'fixtures', 'warc', 'library.warc');
    const failOn: FailOn = (call, path) => (call === 'write' && path.includes('library.jsonl') ? 'ENOSPC' : undefined);
    const run = await runWith(filesFailing(failOn), [warc, '-o', out, '-q']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^clean-article: 0 ok, 1 failed \(E_OUTPUT 1\)/);
    const tree = readTree(out);
    expect(temporaries(tree)).toEqual([]);
    expect(Object.keys(tree)).toEqual(['errors.jsonl']);
    expect(jsonLines(tree['errors.jsonl']!)).toEqual([
      { source: warc, error: { code: 'E_OUTPUT', message: expect.stringMatching(/^cannot write .*library\.jsonl \(ENOSPC\)/) } },
    ]);
  });
});

describe('-o DIR that cannot be opened at all', () => {
  it.each([
    ['EACCES', 'it cannot be written (EACCES)'],
    ['EROFS', 'it cannot be written (EROFS)'],
    ['ENOENT', 'it cannot be created there (ENOENT)'],
    ['ENOSPC', 'the disk is full (ENOSPC)'],
  ])('%s is one plain E_OUTPUT line, exit 1', async (code, why) => {
    const root = pages(`open-${code}`, 1);
    const out = join(tmp, `open-${code}-out`);
    const run = await runWith(
      filesFailing((call) => (call === 'mkdir' || call === 'open' ? code : undefined)),
      [root, '-o', out, '-q'],
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`clean-article: E_OUTPUT: cannot write to the output folder ${out}: ${why}\n`);
  });
});
