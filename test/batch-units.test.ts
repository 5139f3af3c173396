// test/batch-units.test.ts
// The batch building blocks in-process, with fast-check properties where a rule must hold for
// any input: shards partition, the reorder buffer restores input order, the host limiter never
// exceeds its caps, folder walks are sorted and skip hidden files and symlink loops.

import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostLimiter } from '../src/batch/hosts.js';
import { WorkerPool } from '../src/batch/pool.js';
import { createProgress, progressFields } from '../src/batch/progress.js';
import { fnv1a, inShard, parseShard, shardOf } from '../src/batch/shard.js';
import { stdoutSink } from '../src/batch/sink.js';
import { collectSources, MAX_SEGMENT_BYTES, parseUrlList, workersWanted } from '../src/batch/sources.js';
import { emptyTally, summaryLine } from '../src/batch/summary.js';
import { writeTree } from './helpers/batch.js';

const SEED = { seed: 4242, numRuns: 200 };
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'clean-article-batch-units-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('shard', () => {
  it('every key lands in exactly one shard of N, whatever the key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 64 }), (key, count) => {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(key, { index, count }));
        expect(owners).toEqual([shardOf(key, count)]);
      }),
      SEED,
    );
  });

  it('is stable: FNV-1a over UTF-8, checked against the reference vectors', () => {
    expect([fnv1a(''), fnv1a('a'), fnv1a('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
    expect(shardOf('a', 4)).toBe((0xe40c292c % 4) + 1);
  });

  it.each([['0/3'], ['4/3'], ['1/0'], ['x/2'], ['1-2']])('rejects %s', (spec) => {
    expect(typeof parseShard(spec)).toBe('string');
  });
});

describe('ordered sink', () => {
  it('writes records in input order whatever order the pages finish in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }).chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
        async (finishOrder) => {
          let out = '';
          const stream = new Writable({
            write: (chunk, _enc, done) => {
              out += String(chunk);
              done();
            },
          });
          const sink = stdoutSink(stream);
          for (const index of finishOrder) {
            sink.accept(index, { spec: `p${index}`, outName: `p${index}`, host: null }, { ok: true, record: `${index}\n` });
          }
          await sink.finish();
          expect(out).toBe(
            [...finishOrder]
              .sort((a, b) => a - b)
              .map((index) => `${index}\n`)
              .join(''),
          );
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe('host limiter', () => {
  it('never runs more than perHost of one host or total in all, under any schedule', () => {
    const step = fc.record({ host: fc.constantFrom('a.example', 'b.example', 'c.example', null), finish: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 }), fc.array(step, { maxLength: 100 }), (perHost, total, steps) => {
        const limiter = new HostLimiter({ perHost, total });
        const running: Array<string | null> = [];
        for (const { host, finish } of steps) {
          if (finish && running.length > 0) limiter.finish(running.shift()!);
          else if (limiter.canStart(host)) {
            limiter.start(host);
            running.push(host);
          }
          expect(limiter.inFlight).toBeLessThanOrEqual(total);
          for (const name of ['a.example', 'b.example', 'c.example']) expect(limiter.inFlightFor(name)).toBeLessThanOrEqual(perHost);
        }
      }),
      SEED,
    );
  });
});

describe('sources', () => {
  it('walks a folder sorted, takes page endings only, skips hidden entries and symlink loops', async () => {
    const root = join(tmp, 'walk');
    writeTree(root, { 'b.html': 'x', 'a/z.htm': 'x', 'a/y.xhtml': 'x', 'c.html.gz': 'x', 'd.txt': 'x', 'e.pdf': 'x', '.h.html': 'x', '.hid/x.html': 'x' });
    symlinkSync('..', join(root, 'a', 'loop'));
    const sources = await collectSources([root], []);
    expect(sources.map((source) => source.outName)).toEqual(['a/y.xhtml', 'a/z.htm', 'b.html', 'c.html.gz', 'd.txt']);
  });

  it('names URL outputs by host and path, and makes repeated names unique', async () => {
    const sources = await collectSources([], ['https://news.example/a/story?id=1', 'https://news.example/', 'https://news.example/']);
    expect(sources.map((source) => [source.outName, source.host])).toEqual([
      ['news.example/a/story_id=1', 'news.example'],
      ['news.example/index', 'news.example'],
      ['news.example/index~1', 'news.example'],
    ]);
  });

  // Issue 13.7: a URL path segment of 240 characters was ENAMETOOLONG for the page's file and
  // its temporary twin; long names are cut with a hash of the whole, so two stay apart.
  it('shortens a name segment over the limit with a hash, keeping names apart and under 255 bytes', async () => {
    const long = 'x'.repeat(240);
    const root = join(tmp, 'long-names');
    // 100 two-byte letters: 206 bytes with ".html", a legal file name whose output name is not.
    const wide = `${'ü'.repeat(100)}.html`;
    writeTree(root, { [wide]: 'x' });
    const sources = await collectSources([join(root, wide)], [`https://news.example/${long}a`, `https://news.example/${long}b`, 'https://news.example/short']);
    const names = sources.map((source) => source.outName.split('/').pop()!);
    expect(names[3]).toBe('short');
    expect(new Set(names).size).toBe(4);
    for (const name of names.slice(0, 3)) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
      expect(Buffer.byteLength(`.${name}~12.jsonl.1234567.abcdef12.tmp`)).toBeLessThanOrEqual(255);
      expect(name).toMatch(/-[0-9a-f]{12}$/);
    }
    expect(names[0]!.startsWith('ü'.repeat(90))).toBe(true);
    expect(names[1]!.startsWith('x'.repeat(180))).toBe(true);
  });

  // Issue 13.7: a suffix must itself be unused, or the third file overwrote the second.
  it('a "~N" suffix never takes a name another input has, case aside', async () => {
    const root = join(tmp, 'suffixes');
    writeTree(root, { 'X.html': 'x', 'x.html': 'x', 'x.html~1': 'x' });
    const sources = await collectSources([join(root, 'X.html'), join(root, 'x.html'), join(root, 'x.html~1')], []);
    const names = sources.map((source) => source.outName.toLowerCase());
    expect(new Set(names).size).toBe(3);
  });

  // Issue 12: a folder of .php, .shtml, .md or extensionless files gave "0 ok, 0 failed", exit 0.
  it('counts the files a walk leaves out, makes a folder with no page one E_INPUT input, and takes more with --ext', async () => {
    const root = join(tmp, 'mirror');
    writeTree(root, { 'index.php': 'x', 'news/story.shtml': 'x', 'news/page': 'x', 'README.md': 'x' });
    const tally = { filesSkipped: 0 };
    const none = await collectSources([root], [], undefined, tally);
    expect(none.map((source) => [source.spec, source.problem])).toEqual([[root, expect.stringMatching(/^no page in the folder: 4 files with no page ending/)]]);
    expect(tally.filesSkipped).toBe(4);
    const php = await collectSources([root], [], { extra: ['.php', '.shtml'] });
    expect(php.map((source) => source.outName)).toEqual(['index.php', 'news/story.shtml']);
    const all = await collectSources([root], [], 'all');
    expect(all.map((source) => source.outName)).toEqual(['README.md', 'index.php', 'news/page', 'news/story.shtml']);
  });

  // A single WARC file is one input, but it holds many pages: it ran on one worker whatever -j said.
  it('a WARC input gets every worker -j allows; page inputs get no more workers than pages', async () => {
    const root = join(tmp, 'workers');
    writeTree(root, { 'crawl.warc.gz': 'x', 'a.html': 'x', 'b.html': 'x' });
    const warc = await collectSources([join(root, 'crawl.warc.gz')], []);
    const pages = await collectSources([join(root, 'a.html'), join(root, 'b.html')], []);
    expect([workersWanted(4, warc), workersWanted(4, pages), workersWanted(1, pages), workersWanted(4, [])]).toEqual([4, 2, 1, 0]);
  });

  it('--urls lists drop blank lines and # comments', () => {
    expect(parseUrlList('# list\nhttps://a.example/1\n\n  https://b.example/2  \r\n#https://c.example/\n')).toEqual([
      'https://a.example/1',
      'https://b.example/2',
    ]);
  });
});

describe('progress and summary', () => {
  function capture(isTTY: boolean): { stream: Writable & { isTTY?: boolean }; text: () => string } {
    let text = '';
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        text += String(chunk);
        done();
      },
    }) as Writable & { isTTY?: boolean };
    stream.isTTY = isTTY;
    return { stream, text: () => text };
  }

  it('draws a bar on a terminal, and nothing when not a terminal or quiet', () => {
    for (const [isTTY, quiet, draws] of [
      [true, false, true],
      [false, false, false],
      [true, true, false],
    ] as const) {
      const { stream, text } = capture(isTTY);
      const progress = createProgress(stream, 10, quiet);
      progress.update({ inputsDone: 5, skipped: 0, pages: 5, failed: 1, warc: false });
      progress.stop();
      expect(text().includes('5/10 inputs'), `isTTY ${isTTY} quiet ${quiet}`).toBe(draws);
    }
  });

  // Issue 12: "ETA 0s" at 0/181, and --resume's skipped pages inflating pages/s and the ETA.
  it('has no ETA before the first input is done, and leaves inputs skipped by --resume out of rate and ETA', () => {
    const none = { inputsDone: 0, skipped: 0, pages: 0, failed: 0, warc: false };
    expect(progressFields(none, 181, 0).eta).toBe('…');
    expect(progressFields(none, 181, 3).eta).toBe('…');
    // 100 skipped at once, then 10 pages in 10 s: 71 left at 1 input/s, 1.0 pages/s.
    const resumed = progressFields({ inputsDone: 110, skipped: 100, pages: 10, failed: 0, warc: false }, 181, 10);
    expect([resumed.rate, resumed.eta]).toEqual(['1.0', '1m11s']);
    expect(progressFields({ inputsDone: 181, skipped: 0, pages: 181, failed: 0, warc: false }, 181, 20).eta).toBe('0s');
  });

  it('shows WARC records as pages while the WARC file, one input, is still running', () => {
    const fields = progressFields({ inputsDone: 0, skipped: 0, pages: 37, failed: 2, warc: true }, 1, 4);
    expect([fields.records, fields.rate, fields.eta]).toEqual([' | 37 pages', '9.3', '…']);
  });

  it('the summary line counts failures by code and gives pages/s', () => {
    const tally = emptyTally();
    tally.ok = 8;
    tally.failed.set('E_TIMEOUT', 1).set('E_EMPTY', 1);
    expect(summaryLine(tally, 2000)).toBe('clean-article: 8 ok, 2 failed (E_EMPTY 1, E_TIMEOUT 1) in 2.0 s, 5.0 pages/s\n');
  });
});

describe('worker pool (stand-in workers from data: URLs)', () => {
  /** A worker that answers each page with its thread id, or never answers pages named "hang". */
  const ECHO = new URL(
    `data:text/javascript,${encodeURIComponent(`
    import { parentPort, threadId } from 'node:worker_threads';
    parentPort.on('message', (m) => { if (m.source !== 'hang') parentPort.postMessage({ id: m.id, ok: true, record: String(threadId) }); });
    parentPort.postMessage({ ready: true });`)}`,
  );
  const request = (id: number, source = `p${id}`) =>
    ({ id, source, bytes: new Uint8Array(0), contentType: null, url: null, options: {}, layout: 'line' }) as const;
  const options = { size: 1, pageTimeoutMs: 5_000, recycleAfter: 10, maxOldGenerationMb: 256 };

  it('recycles a worker after recycleAfter pages', async () => {
    const pool = new WorkerPool({ ...options, recycleAfter: 3 }, ECHO);
    const threads: string[] = [];
    for (let id = 0; id < 7; id++) threads.push(((await pool.run(request(id))) as { record: string }).record);
    await pool.close();
    expect(new Set(threads.slice(0, 3)).size).toBe(1);
    expect(threads[3]).not.toBe(threads[2]);
    expect(threads[6]).not.toBe(threads[5]);
  });

  it('ends a page past the limit with E_TIMEOUT and goes on with a fresh worker', async () => {
    // The echo answers at once and the hung page never does; the limit only has to sit between.
    const pool = new WorkerPool({ ...options, pageTimeoutMs: 2_000 }, ECHO);
    const [hung, next] = await Promise.all([pool.run(request(0, 'hang')), pool.run(request(1))]);
    await pool.close();
    expect(hung).toMatchObject({ ok: false, code: 'E_TIMEOUT' });
    expect(next).toMatchObject({ ok: true });
  });

  it('a worker that cannot start fails every page with E_WORKER instead of waiting forever', async () => {
    const pool = new WorkerPool(options, new URL('data:text/javascript,throw new Error("broken install")'));
    const outcomes = await Promise.all([pool.run(request(0)), pool.run(request(1))]);
    const late = await pool.run(request(2));
    await pool.close();
    for (const outcome of [...outcomes, late]) expect(outcome).toMatchObject({ ok: false, code: 'E_WORKER' });
  });

  it('close() settles running and queued pages with null', async () => {
    const pool = new WorkerPool(options, ECHO);
    const running = pool.run(request(0, 'hang'));
    const queued = pool.run(request(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.close();
    expect(await running).toBeNull();
    expect(await queued).toBeNull();
  });
});
