// src/batch/index.ts
// Batch mode: many inputs -> read (per-host limits) -> clean in the worker pool -> records in
// input order -> one summary line. Interruption (the signal) stops new pages, lets running ones
// finish for `graceMs`, then ends them; whatever finished is flushed. The exit code is main's call.

import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CleanError, toCleanError } from '../errors.js';
import { readInput } from '../input/index.js';
import { resolveFetchOptions } from '../input/limits.js';
import type { OutputFormat } from '../output/index.js';
import type { Favor, FetchOptions } from '../types.js';
import { AtomicFile } from './atomic.js';
import { Channel } from './channel.js';
import { HostLimiter } from './hosts.js';
import { WorkerPool } from './pool.js';
import type { PageOutcome, PageRequest, RecordLayout } from './protocol.js';
import { createProgress } from './progress.js';
import type { BatchCliOptions } from './cli-options.js';
import { inShard } from './shard.js';
import {
  alreadyDone,
  type DirectoryEvents,
  directorySink,
  errorsFileName,
  refuseSymlinksBelow,
  outputPath,
  stdoutSink,
  type Finished,
  type Sink,
} from './sink.js';
import { collectSources, readUrlList, workersWanted, type BatchSource } from './sources.js';
import { countFailure, emptyTally, failedCount, summaryLine, type BatchTally } from './summary.js';
import { runWarc, type WarcJob } from './warc-run.js';

/** The batch flags of the command line, plus what the rest of the CLI and the pool decide. */
export interface BatchOptions extends BatchCliOptions {
  maxOldGenerationMb: number;
  compact: boolean;
  /** --format: JSON records, or with -o DIR one text, Markdown or HTML file a page. */
  format: OutputFormat;
  explain: boolean;
  disabledFilters: string[];
  favor: Favor;
  minWords: number;
  fetch: Partial<FetchOptions>;
  /** How long running pages may go on after an interrupt before they are ended. */
  graceMs: number;
}

export interface BatchIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Inputs may start only this far ahead of the first unwritten one, bounding the reorder buffer. */
const ORDER_WINDOW = 512;
/** A WARC file's records waiting for their turn on stdout, at most. */
const WARC_LINES_BUFFERED = 64;

export async function runBatch(options: BatchOptions, io: BatchIo, signal?: AbortSignal): Promise<BatchTally> {
  const started = performance.now();
  const urls = options.urlsFile === undefined ? [] : await readUrlList(options.urlsFile, io.stdin as Readable);
  const tally = emptyTally();
  const sources = (await collectSources(options.inputs, urls, options.files, tally)).filter((source) => inShard(source.spec, options.shard));
  // The user's interrupt, or a stdout no one reads any more: either stops the batch.
  const stop = new AbortController();
  if (signal?.aborted) stop.abort();
  signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const onOutputBroken = (error: NodeJS.ErrnoException): void => {
    tally.outputBroken = error.code ?? error.message;
    stop.abort();
  };
  const pageUnwritable = (): void => {
    tally.ok--;
    countFailure(tally, 'E_OUTPUT');
  };
  const sink = options.outputDir
    ? await openDirectorySink(options.outputDir, errorsFileName(options.shard), options.format, { pageUnwritable, broken: onOutputBroken })
    : stdoutSink(io.stdout, onOutputBroken);
  const progress = createProgress(io.stderr, sources.length, options.quiet);
  const warc = sources.some((source) => source.warc);
  let inputsDone = 0;
  const pool = new WorkerPool({
    size: workersWanted(options.jobs, sources),
    pageTimeoutMs: options.pageTimeoutMs,
    recycleAfter: options.recycleAfter,
    maxOldGenerationMb: options.maxOldGenerationMb,
  });
  const scheduler = new Scheduler(sources, options, {
    io,
    pool,
    sink,
    tally,
    onProgress: (inputFinished) => {
      if (inputFinished) inputsDone++;
      const failed = failedCount(tally);
      progress.update({ inputsDone, skipped: tally.skipped, pages: tally.ok + failed, failed, warc });
    },
  });
  try {
    await scheduler.run(stop.signal);
  } finally {
    await pool.close();
    progress.stop();
    await sink.finish();
  }
  // A reader that closed the pipe (`| head`) wants no more output, on stderr either.
  if (tally.outputBroken === 'EPIPE') return tally;
  io.stderr.write(summaryLine(tally, performance.now() - started));
  if (tally.outputBroken) {
    io.stderr.write(`clean-article: E_OUTPUT: cannot write the records to ${options.outputDir ?? 'stdout'} (${tally.outputBroken}); the batch stopped\n`);
  }
  return tally;
}

/** JSON Lines on stdout; under -o DIR, a JSON file a page, or the --format's own file. */
function recordLayout(options: BatchOptions): RecordLayout {
  if (!options.outputDir) return 'line';
  if (options.format === 'json' || options.format === 'jsonl') return options.compact ? 'compact' : 'pretty';
  return options.format;
}

/** -o DIR that is a file, or a folder that cannot be written, is one plain E_OUTPUT error. */
async function openDirectorySink(dir: string, errorsName: string, format: OutputFormat, events: DirectoryEvents): Promise<Sink> {
  try {
    return await directorySink(dir, errorsName, format, events);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'it is a file, not a folder'
        : code === 'EACCES' || code === 'EROFS' || code === 'EPERM'
          ? 'it cannot be written'
          : (code ?? String(error));
    throw new CleanError('E_OUTPUT', `cannot write to the output folder ${dir}: ${why}`);
  }
}

interface SchedulerParts {
  io: BatchIo;
  pool: WorkerPool;
  sink: Sink;
  tally: BatchTally;
  /** After each input that finished (true), and each WARC record (false). */
  onProgress: (inputFinished: boolean) => void;
}

/** Starts inputs in order, skipping past any whose host is at its limit, and waits for them all. */
class Scheduler {
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
    const finish = (finished: Finished): void => {
      if (finished === 'skipped') tally.skipped++;
      else if (typeof finished === 'object' && 'ok' in finished && !finished.ok) countFailure(tally, finished.code);
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
      const file = await refuseSymlinksBelow(dir, path)
        .then(() => AtomicFile.open(path))
        .catch((error: NodeJS.ErrnoException) => error);
      if (file instanceof Error)
        return finish({ ok: false, code: 'E_OUTPUT', message: `cannot write ${path} (${file.code === 'ELOOP' ? file.message : file.code})` });
      const complete = await runWarc(job, (line) => file.append(line)).catch(() => false);
      await (complete ? file.commit() : file.discard());
      if (!complete) tally.warcUnfinished++;
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
