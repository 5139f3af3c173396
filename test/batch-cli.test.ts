// test/batch-cli.test.ts
// Batch mode through the real CLI: nothing lost (one record per input, whatever the input does to
// its worker), -o DIR with errors.jsonl, SIGTERM then --resume equal to an uninterrupted run,
// --shard partitions, --urls with per-host limits, usage errors and the summary line.

import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH_PAGE, HANG_PAGE, ROOT, jsonLines, numberedPage, readTree, runCliProcess, startCli, writeTree } from './helpers/batch.js';

/**
 * The hang page never finishes, so any limit ends it; the good pages take a fraction of a second
 * on a quiet machine, and this limit leaves them room on one many times slower.
 */
const HANG_LIMIT_S = '10';
const SUMMARY = /^clean-article: \d+ ok, \d+ failed.* in \d+\.\d s, \d+\.\d pages\/s$/;
let tmp: string;

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'batch', 'worker.js')), 'run `npx tsc -p .` (npm test builds first)').toBe(true);
  tmp = mkdtempSync(join(tmpdir(), 'clean-article-batch-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A folder with good pages, a binary file, an empty file, a hanging page and a crashing page. */
function mixedFolder(name: string, good: number): string {
  const root = join(tmp, name);
  const files: Record<string, string | Buffer> = {
    'bad/binary.html': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'bad/empty.html': '',
    'bad/hang.html': HANG_PAGE,
    'bad/crash.html': CRASH_PAGE,
    '.hidden/skipped.html': numberedPage(999),
    'notes.md': 'not a page ending: skipped',
  };
  for (let n = 0; n < good; n++) files[`good/page-${String(n).padStart(3, '0')}.html`] = numberedPage(n);
  writeTree(root, files);
  return root;
}

describe('batch: nothing lost', () => {
  it('a folder of good and bad pages gives exactly one record per input, in order, and exit 1', async () => {
    const root = mixedFolder('mixed', 4);
    const run = await runCliProcess([root, '-j', '2', '--page-timeout', HANG_LIMIT_S]);
    expect(run.code, run.stderr).toBe(1);
    const records = jsonLines(run.stdout);
    const sources = records.map((record) => String(record['source']).slice(root.length + 1));
    expect(sources).toEqual([
      'bad/binary.html',
      'bad/crash.html',
      'bad/empty.html',
      'bad/hang.html',
      'good/page-000.html',
      'good/page-001.html',
      'good/page-002.html',
      'good/page-003.html',
    ]);
    const codes = records.map((record) => (record['error'] as { code?: string } | undefined)?.code ?? 'ok');
    expect(codes).toEqual(['E_NOT_HTML', 'E_WORKER', 'E_EMPTY', 'E_TIMEOUT', 'ok', 'ok', 'ok', 'ok']);
    expect(records[4]!['title']).toBe('Harbour bridge story number 0 reopens after repairs');
    // Not a terminal: no progress bar, only the one summary line.
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(SUMMARY);
    expect(run.stderr).toContain('4 ok, 4 failed (E_EMPTY 1, E_NOT_HTML 1, E_TIMEOUT 1, E_WORKER 1)');
  });

  it('-o DIR writes one .json per good input, mirroring paths, and the failures to errors.jsonl', async () => {
    const root = mixedFolder('mixed-o', 2);
    const out = join(tmp, 'mixed-o-out');
    const run = await runCliProcess([root, '-o', out, '--page-timeout', HANG_LIMIT_S]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    const tree = readTree(out);
    expect(Object.keys(tree)).toEqual(['errors.jsonl', 'good/page-000.html.json', 'good/page-001.html.json']);
    expect(JSON.parse(tree['good/page-001.html.json']!).title).toBe('Harbour bridge story number 1 reopens after repairs');
    const errors = jsonLines(tree['errors.jsonl']!).map((line) => (line['error'] as { code: string }).code);
    expect(errors).toEqual(['E_NOT_HTML', 'E_WORKER', 'E_EMPTY', 'E_TIMEOUT']);
  });

  it('exit 0 when every input succeeds; several file arguments are a batch too', async () => {
    const root = join(tmp, 'all-good');
    writeTree(root, { 'a.html': numberedPage(1), 'b.htm': numberedPage(2) });
    const run = await runCliProcess([join(root, 'b.htm'), join(root, 'a.html'), '-j', '1']);
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run.stdout).map((record) => record['title'])).toEqual([
      'Harbour bridge story number 2 reopens after repairs',
      'Harbour bridge story number 1 reopens after repairs',
    ]);
  });
});

/** Issue 12: an interrupted batch's summary accounts for every input exactly once. */
function expectEveryInputCounted(stderr: string, inputs: number): void {
  const summary = /(\d+) ok, (\d+) failed.*interrupted: (\d+) stopped part way, (\d+) not started in/.exec(stderr);
  expect(summary, stderr).not.toBeNull();
  const [ok, failed, cutShort, notStarted] = summary!.slice(1).map(Number);
  expect(ok! + failed! + cutShort! + notStarted!, stderr).toBe(inputs);
}

describe('batch: interruption and --resume', () => {
  it('SIGTERM midway exits 130 with no partial file; --resume then equals an uninterrupted run', async () => {
    const root = mixedFolder('resume', 40);
    rmSync(join(root, 'bad', 'hang.html'));
    const full = join(tmp, 'resume-full');
    const fullRun = await runCliProcess([root, '-o', full, '-j', '2']);
    expect(fullRun.code, fullRun.stderr).toBe(1);

    const part = join(tmp, 'resume-part');
    const { child, done } = startCli([root, '-o', part, '-j', '1']);
    await waitFor(() => existsSync(join(part, 'good')) && Object.keys(readTree(join(part, 'good'))).length >= 5);
    child.kill('SIGTERM');
    const stopped = await done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expectEveryInputCounted(stopped.stderr, 43);
    const partial = readTree(part);
    const written = Object.keys(partial).filter((name) => name.endsWith('.json'));
    expect(written.length).toBeLessThan(Object.keys(readTree(full)).length - 1);
    for (const name of Object.keys(partial)) expect(name).not.toMatch(/\.tmp$/);
    for (const name of written) expect(() => JSON.parse(partial[name]!)).not.toThrow();

    const resumed = await runCliProcess([root, '-o', part, '-j', '2', '--resume']);
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(resumed.stderr).toMatch(/\d+ skipped \(already done\)/);
    expect(readTree(part)).toEqual(readTree(full));
  });
});

describe('batch: SIGINT with JSON Lines on stdout', () => {
  it('exits 130 after flushing whole lines, still in input order', async () => {
    const root = join(tmp, 'sigint');
    writeTree(root, Object.fromEntries(Array.from({ length: 40 }, (_, n) => [`p${String(n).padStart(2, '0')}.html`, numberedPage(n)])));
    const { child, done } = startCli([root, '-j', '1']);
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      // Once: a second signal means "exit now" and skips the flush and the summary.
      if (seen.split('\n').length > 4) child.kill('SIGINT') && child.stdout!.off('data', onData);
    };
    child.stdout!.on('data', onData);
    const run = await done;
    expect(run.code, run.stderr).toBe(130);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const sources = jsonLines(run.stdout).map((record) => String(record['source']));
    expect(sources.length).toBeGreaterThan(3);
    expect(sources.length).toBeLessThan(40);
    expect(sources).toEqual([...sources].sort());
    expectEveryInputCounted(run.stderr, 40);
  });
});

// Issue 12: nothing skipped in silence.
describe('batch: folders without pages', () => {
  it('a folder with no page is one E_INPUT record and exit 1; the summary says what was skipped', async () => {
    const root = join(tmp, 'no-pages');
    writeTree(root, { 'index.php': numberedPage(1), 'notes.md': 'notes' });
    const run = await runCliProcess([root, '-q']);
    expect(run.code, run.stderr).toBe(1);
    expect(jsonLines(run.stdout)).toEqual([{ source: root, error: { code: 'E_INPUT', message: expect.stringContaining('2 files with no page ending') } }]);
    expect(run.stderr).toMatch(/^clean-article: 0 ok, 1 failed \(E_INPUT 1\), 2 files skipped \(no page ending; see --ext\)/);
    const php = await runCliProcess([root, '-q', '--ext', 'php']);
    expect(php.code, php.stderr).toBe(0);
    expect(jsonLines(php.stdout).map((record) => record['title'])).toEqual(['Harbour bridge story number 1 reopens after repairs']);
    expect(php.stderr).toMatch(/1 ok, 0 failed, 1 file skipped/);
  });
});

// Issue 12: `pages/ -o out/ --format markdown` was a usage error.
describe('batch: -o DIR in every format', () => {
  it("writes one file a page with the format's ending, each as the single-page run prints it; --resume knows them", async () => {
    const root = join(tmp, 'formats');
    writeTree(root, { 'a/one.html': numberedPage(1), 'two.htm': numberedPage(2), 'bad.html': '' });
    const single = await runCliProcess([join(root, 'a', 'one.html'), '-f', 'markdown']);
    for (const [format, ending] of [
      ['markdown', '.md'],
      ['text', '.txt'],
      ['html', '.html'],
    ] as const) {
      const out = join(tmp, `formats-${format}`);
      const run = await runCliProcess([root, '-o', out, '-f', format, '-q']);
      expect(run.code, run.stderr).toBe(1);
      const tree = readTree(out);
      expect(Object.keys(tree).sort()).toEqual([`a/one.html${ending}`, 'errors.jsonl', `two.htm${ending}`]);
      expect(jsonLines(tree['errors.jsonl']!).map((record) => (record['error'] as { code: string }).code)).toEqual(['E_EMPTY']);
      if (format === 'markdown') expect(tree['a/one.html.md']).toBe(single.stdout);
      if (format === 'text') expect(tree['two.htm.txt']).toContain('Harbour bridge story number 2');
      if (format === 'html') expect(tree['two.htm.html']).toMatch(/^<!DOCTYPE html>/i);
    }
    const resumed = await runCliProcess([root, '-o', join(tmp, 'formats-markdown'), '-f', 'markdown', '--resume', '-q']);
    expect(resumed.stderr).toMatch(/0 ok, 1 failed \(E_EMPTY 1\), 2 skipped \(already done\)/);
  });
});

// Issue 13.6 and 13.8: a write error killed the whole batch with a stack trace.
describe('batch: -o DIR write errors', () => {
  it("a file/folder clash is that page's E_OUTPUT record and the batch goes on; a stale temporary errors file goes", async () => {
    const root = join(tmp, 'clash');
    // a.html -> out/a.html.json (a file), then a.html.json/b.html -> out/a.html.json/b.html.json (needs a folder).
    writeTree(root, { 'a.html': numberedPage(1), 'a.html.json/b.html': numberedPage(2), 'c.html': numberedPage(3) });
    const out = join(tmp, 'clash-out');
    writeTree(out, { '.errors.jsonl.12345.deadbeef.tmp': 'left by a kill -9' });
    const run = await runCliProcess([root, '-o', out, '-q']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^clean-article: 2 ok, 1 failed \(E_OUTPUT 1\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const tree = readTree(out);
    expect(Object.keys(tree).sort()).toEqual(['a.html.json', 'c.html.json', 'errors.jsonl']);
    const [record] = jsonLines(tree['errors.jsonl']!);
    expect(record).toMatchObject({
      source: join(root, 'a.html.json', 'b.html'),
      error: { code: 'E_OUTPUT', message: expect.stringContaining('cannot write') },
    });
  });

  // Issue 13.4: a symlinked folder inside -o DIR carried a record outside DIR.
  it('never follows a symbolic link below DIR: that page is an E_OUTPUT record and nothing lands outside', async () => {
    const root = join(tmp, 'symlinked');
    writeTree(root, { 'news/a.html': numberedPage(1), 'b.html': numberedPage(2) });
    const out = join(tmp, 'symlinked-out');
    const outside = join(tmp, 'symlinked-outside');
    writeTree(outside, { 'keep.txt': 'untouched', 'victim.json': 'untouched' });
    mkdirSync(out, { recursive: true });
    symlinkSync(outside, join(out, 'news'));
    // A link at the file's own name is replaced by the rename, never written through.
    symlinkSync(join(outside, 'victim.json'), join(out, 'b.html.json'));
    const run = await runCliProcess([root, '-o', out, '-q']);
    expect(run.code, run.stderr).toBe(1);
    expect(readTree(outside)).toEqual({ 'keep.txt': 'untouched', 'victim.json': 'untouched' });
    const errors = jsonLines(readFileSync(join(out, 'errors.jsonl'), 'utf8'));
    expect(errors).toEqual([{ source: join(root, 'news', 'a.html'), error: { code: 'E_OUTPUT', message: expect.stringContaining('is a symbolic link') } }]);
    expect(lstatSync(join(out, 'b.html.json')).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'b.html.json'), 'utf8'))).toMatchObject({ source: join(root, 'b.html') });
  });

  it('-o onto a file is one plain E_OUTPUT line, exit 1', async () => {
    const file = join(tmp, 'not-a-folder');
    writeFileSync(file, 'x');
    const run = await runCliProcess([join(ROOT, 'fixtures', 'url--saved-from-comment-en'), '-o', file, '-q']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`clean-article: E_OUTPUT: cannot write to the output folder ${file}: it is a file, not a folder\n`);
  });
});

// Issue 13.13: single mode had no time bound; a 19 MB text node ran for minutes.
describe('single page: --page-timeout', () => {
  it('ends a page that never finishes with E_TIMEOUT, exit 1, as a batch does', async () => {
    const root = join(tmp, 'single-hang');
    writeTree(root, { 'hang.html': HANG_PAGE });
    const run = await runCliProcess([join(root, 'hang.html'), '--page-timeout', '1']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`clean-article: E_TIMEOUT: the page took longer than the 1 s page limit (${join(root, 'hang.html')})\n`);
  });
});

// Issue 12: saved pages in a batch had no way to say where they came from.
describe('batch: --urls lines "path<TAB>url"', () => {
  it("gives each saved page its address; a bad URL or a URL after a URL is that line's E_INPUT record", async () => {
    const root = join(tmp, 'tab-urls');
    // a.html and d.html also name the address a browser's "Save page" wrote: the tab's URL wins.
    const savedFrom = (url: string, page: string): string => `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${page}`;
    writeTree(root, {
      'a.html': savedFrom('https://mirror.example/a-copy', numberedPage(1)),
      'b.html': numberedPage(2),
      'c.html': numberedPage(3),
      'd.html': savedFrom('https://news.example/2026/d.html', numberedPage(4)),
    });
    const list = join(root, 'list.txt');
    writeFileSync(
      list,
      [
        `${join(root, 'a.html')}\thttps://news.example/2026/a.html`,
        `${join(root, 'b.html')}\tnews.example/b`,
        `${join(root, 'c.html')}`,
        'https://news.example/x\thttps://news.example/y',
        `${join(root, 'd.html')}`,
        '',
      ].join('\n'),
    );
    const run = await runCliProcess(['--urls', list, '-q']);
    const records = jsonLines(run.stdout).map((record) => [record['source'], 'error' in record ? (record['error'] as { code: string }).code : record['url']]);
    expect(records).toEqual([
      [join(root, 'a.html'), 'https://news.example/2026/a.html'],
      [join(root, 'b.html'), 'E_INPUT'],
      [join(root, 'c.html'), null],
      ['https://news.example/x', 'E_INPUT'],
      [join(root, 'd.html'), 'https://news.example/2026/d.html'],
    ]);
    expect(run.code).toBe(1);
  });
});

// Issue 12: `clean-article pages/ | head -1` printed an EPIPE stack trace and exited 1.
describe('batch: a reader that closes the pipe', () => {
  it('ends the batch quietly with 141, the status of a filter killed by SIGPIPE', async () => {
    const root = join(tmp, 'epipe');
    const pages = Object.fromEntries(Array.from({ length: 80 }, (_, n) => [`p${String(n).padStart(2, '0')}.html`, numberedPage(n)]));
    // Last, a page that never ends, with a page limit of an hour: the batch can only end by
    // stopping before it. It must: the 80 records before it (over 200 kB) cannot all fit in the
    // pipe (64 kB) and the one read this test makes, so some write meets the closed pipe first.
    writeTree(root, { ...pages, 'p99.html': HANG_PAGE });
    const { child, done } = startCli([root, '-j', '1', '-q', '--page-timeout', '3600']);
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('\n')) child.stdout!.destroy();
    });
    const run = await done;
    expect(run.code, run.stderr).toBe(141);
    expect(run.stderr).toBe('');
    expect(seen).toContain('"source"');
  });
});

describe('batch: --shard K/N', () => {
  it('the shards of a folder are disjoint and together hold every input', async () => {
    const root = join(tmp, 'shards');
    writeTree(root, Object.fromEntries(Array.from({ length: 12 }, (_, n) => [`p${n}.html`, numberedPage(n)])));
    const runs = await Promise.all([1, 2, 3].map((k) => runCliProcess([root, '--shard', `${k}/3`, '-j', '1'])));
    const shards = runs.map((run) => jsonLines(run.stdout).map((record) => String(record['source'])));
    const all = shards.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Array.from({ length: 12 }, (_, n) => join(root, `p${n}.html`)).sort());
    expect(shards.filter((shard) => shard.length > 0).length).toBeGreaterThan(1);
  });
});

describe('batch: usage errors exit 2', () => {
  it.each([
    ['--resume without -o', ['--resume', 'x.html', 'y.html']],
    ['a bad --shard', ['--shard', '4/3', 'x.html']],
    ['--format text in batch mode', ['--format', 'text', 'x.html', 'y.html']],
    ['-j 0', ['-j', '0', 'x.html', 'y.html']],
  ])('%s', async (_what, args) => {
    const run = await runCliProcess(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    // The one documented usage line, as for every other usage error (issue 12).
    expect(run.stderr).toMatch(/^clean-article: [^\n]+ \(try --help\)\n$/);
  });

  it('--format text with many inputs and no -o says to add -o', async () => {
    const run = await runCliProcess(['--format', 'text', 'x.html', 'y.html']);
    expect(run.stderr).toContain('add -o DIR');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
