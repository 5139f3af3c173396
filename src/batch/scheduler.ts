// src/batch/scheduler.ts
// Starts a batch's inputs in order under the per-host and total limits, reads each one, hands
// pages to the worker pool and their ends to the sink; a WARC file streams its records through
// the same pool (warc-run.ts). Only runBatch (index.ts) creates it.

import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CleanError, toCleanError } from '../errors.js';
import { readInput } from '../input/index.js';
import { resolveFetchOptions } from '../input/limits.js';
import type { FetchOptions } from '../types.js';
import { isPathError, unwritableMessage } from './dir-sink.js';
import { Channel } from './channel.js';
import { HostLimiter } from './hosts.js';
import type { BatchIo, BatchOptions } from './index.js';
import type { WorkerPool } from './pool.js';
import { layoutOf, type PageOutcome, type PageRequest, type RecordLayout } from './protocol.js';
import type { OutputFiles } from './output-files.js';
import { alreadyDone, outputPath, type Finished, type Sink } from './sink.js';
import type { BatchSource } from './sources.js';
import { countFailure, type BatchTally } from './summary.js';
import { runWarc, runWarcToFile, type WarcJob } from './warc-run.js';

/** Inputs may start only this far ahead of the first unwritten one, bounding the reorder buffer. */
const ORDER_WINDOW = 512;
/** A WARC file's records waiting for their turn on stdout, at most. */
const WARC_LINES_BUFFERED = 64;

/** JSON Lines on stdout; under -o DIR, a JSON file a page, or the --format's own file. */
function recordLayout(options: BatchOptions): RecordLayout {
  if (!options.outputDir) return 'line';
  // Under -o DIR every page is its own file: a JSON Lines request still means one JSON file each.
  return layoutOf(options.format === 'jsonl' ? 'json' : options.format, options.compact);
}

export interface SchedulerParts {
  io: BatchIo;
  pool: WorkerPool;
  sink: Sink;
  tally: BatchTally;
  files: OutputFiles;
  /** A write error that stops all output (a full disk): the batch stops. */
  onOutputBroken: (error: NodeJS.ErrnoException) => void;
  /** After each input that finished (true), and each WARC record (false). */
  onProgress: (inputFinished: boolean) => void;
}

/** Starts inputs in order, skipping past any whose host is at its limit, and waits for them all. */
export class Scheduler {
  private readonly pending: number[];
  private readonly limiter: HostLimiter;
  private readonly fetch: FetchOptions;
  private readonly layout: RecordLayout;
  private active = 0;
  private stopping = false;
  /** Pool ids for WARC records, past every input's own index. */
  private nextRecordId: number;
  private wake: () => void = () => {};

  constructor(
    private readonly sources: readonly BatchSource[],
    private readonly options: BatchOptions,
    private readonly parts: SchedulerParts,
  ) {
    this.pending = sources.map((_, index) => index);
    this.nextRecordId = sources.length;
    this.limiter = new HostLimiter({ perHost: options.perHost, total: options.maxConnections });
    this.fetch = resolveFetchOptions(options.fetch);
    this.layout = recordLayout(options);
  }

  async run(signal: AbortSignal | undefined): Promise<void> {
    this.stopping = signal?.aborted ?? false;
    const onAbort = (): void => {
      this.stopping = true;
      this.wake();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      while (!this.stopping && (this.pending.length > 0 || this.active > 0)) {
        const woken = new Promise<void>((resolve) => (this.wake = resolve));
        this.fill();
        await woken;
      }
      if (this.stopping) await this.drain();
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** After an interrupt: no new pages; running ones get the grace period, then the pool ends them. */
  private async drain(): Promise<void> {
    const { tally, pool } = this.parts;
    tally.interrupted = true;
    tally.notStarted = this.pending.splice(0).length;
    // Pages whose records can no longer be written are not worth the grace period.
    const grace = setTimeout(() => void pool.close(), tally.outputBroken ? 0 : this.options.graceMs);
    while (this.active > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    clearTimeout(grace);
  }

  private fill(): void {
    const cap = this.options.jobs + this.options.maxConnections;
    const limit = this.parts.sink.written + ORDER_WINDOW;
    for (let at = 0; at < this.pending.length && this.active < cap; ) {
      const index = this.pending[at]!;
      if (index >= limit) break;
      const host = this.sources[index]!.host;
      if (!this.limiter.canStart(host)) {
        at++;
        continue;
      }
      this.pending.splice(at, 1);
      this.active++;
      this.limiter.start(host);
      void this.process(index).finally(() => {
        this.active--;
        this.wake();
      });
    }
  }

  private async process(index: number): Promise<void> {
    const source = this.sources[index]!;
    if (source.warc) return this.processWarc(index, source);
    const { tally, sink, pool, onProgress } = this.parts;
    let read: PageOutcome | 'skipped' | { request: PageRequest };
    try {
      read = await this.read(source, index);
    } finally {
      this.limiter.finish(source.host);
    }
    const finished = typeof read === 'object' && 'request' in read ? await pool.run(read.request) : read;
    if (finished === null) {
      tally.cutShort++; // ended by the interrupt: no record, so --resume redoes it
      return;
    }
    if (finished === 'skipped') tally.skipped++;
    else if (finished.ok) tally.ok++;
    else countFailure(tally, finished.code);
    sink.accept(index, source, finished);
    onProgress(true);
  }

  /**
   * A WARC file: with -o DIR its records go to DIR/<name>.jsonl, published only when the file is
   * done; on stdout they stream in at its place in the input order. A file that cannot be opened
   * is one error, as any unreadable input is.
   */
  private async processWarc(index: number, source: BatchSource): Promise<void> {
    const { tally, sink, onProgress } = this.parts;
    const finish = (finished: Finished, counted = false): void => {
      if (finished === 'skipped') tally.skipped++;
      else if (!counted && typeof finished === 'object' && 'ok' in finished && !finished.ok) countFailure(tally, finished.code);
      sink.accept(index, source, finished);
      onProgress(true);
    };
    this.limiter.finish(source.host);
    const dir = this.options.outputDir;
    if (dir && this.options.resume && (await alreadyDone(dir, source, this.options.format))) return finish('skipped');
    const opened = await stat(source.spec).then(
      (info) => (info.isFile() ? null : 'not a regular file'),
      (error: NodeJS.ErrnoException) => `cannot read the WARC file (${error.code ?? error.message})`,
    );
    if (opened !== null) return finish({ ok: false, code: 'E_INPUT', message: opened });
    const job = this.warcJob(source);
    if (dir) {
      const path = outputPath(dir, source);
      const failed = (error: NodeJS.ErrnoException): void => {
        // Its pages were cleaned but have no output: each is E_OUTPUT, not ok (at least the file is one).
        tally.ok -= job.counts.ok;
        for (let n = 0; n < Math.max(1, job.counts.ok); n++) countFailure(tally, 'E_OUTPUT');
        if (!isPathError(error)) this.parts.onOutputBroken(error);
        const pages = job.counts.ok > 0 ? `: its ${job.counts.ok} cleaned pages have no output` : '';
        finish({ ok: false, code: 'E_OUTPUT', message: `${unwritableMessage(path, error)}${pages}` }, true);
      };
      const written = await runWarcToFile(job, dir, path, this.parts.files);
      if (written !== 'complete' && written !== 'stopped') return failed(written);
      if (written === 'stopped') tally.warcUnfinished++;
      return finish('written');
    }
    const lines = new Channel<string>(WARC_LINES_BUFFERED);
    sink.accept(index, source, { lines });
    const complete = await runWarc(job, (line) => lines.push(line)).catch(() => false);
    lines.close();
    if (!complete) tally.warcUnfinished++;
    onProgress(true);
  }

  private warcJob(source: BatchSource): WarcJob {
    const { pool, tally, onProgress } = this.parts;
    return {
      source,
      pool,
      tally,
      maxBytes: this.fetch.maxBytes,
      options: this.pageOptions(),
      window: this.options.jobs * 4,
      nextId: () => this.nextRecordId++,
      stopped: () => this.stopping,
      onRecord: () => onProgress(false),
      counts: { ok: 0 },
    };
  }

  private pageOptions(): PageRequest['options'] {
    return { explain: this.options.explain, disabledFilters: this.options.disabledFilters, favor: this.options.favor, minWords: this.options.minWords };
  }

  /** The page's bytes as a worker request, or its end already (skipped, or unreadable). */
  private async read(source: BatchSource, id: number): Promise<PageOutcome | 'skipped' | { request: PageRequest }> {
    const dir = this.options.outputDir;
    if (source.problem) return { ok: false, code: 'E_INPUT', message: source.problem };
    if (dir && this.options.resume && (await alreadyDone(dir, source, this.options.format))) return 'skipped';
    try {
      const raw = await readInput(source.spec, this.fetch, this.parts.io.stdin as Readable);
      return {
        request: {
          id,
          source: source.spec,
          bytes: raw.bytes,
          contentType: raw.contentType,
          url: source.url ?? raw.url,
          options: this.pageOptions(),
          layout: this.layout,
        },
      };
    } catch (error) {
      const clean = error instanceof CleanError ? error : toCleanError(error);
      return { ok: false, code: clean.code, message: clean.message } satisfies PageOutcome;
    }
  }
}
