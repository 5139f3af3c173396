// src/batch/index.ts
// Batch mode: many inputs -> read (per-host limits) -> clean in the worker pool -> records in
// input order -> one summary line. Interruption (the signal) stops new pages, lets running ones
// finish for `graceMs`, then ends them; whatever finished is flushed. The exit code is main's call.

import type { Readable } from 'node:stream';
import { CleanError } from '../errors.js';
import type { OutputFormat } from '../output/index.js';
import type { Favor, FetchOptions } from '../types.js';
import { WorkerPool } from './pool.js';
import { createProgress } from './progress.js';
import type { BatchCliOptions } from './cli-options.js';
import { inShard } from './shard.js';
import { type DirectoryEvents, directorySink } from './dir-sink.js';
import { NODE_FILES, type OutputFiles } from './output-files.js';
import { errorsFileName, stdoutSink, type Sink } from './sink.js';
import { collectSources, readUrlList, workersWanted } from './sources.js';
import { countFailure, emptyTally, failedCount, summaryLine, type BatchTally } from './summary.js';
import { Scheduler } from './scheduler.js';

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
  /** The file-system calls -o DIR makes; tests pass ones that fail on cue. */
  files?: OutputFiles;
}

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
  const files = io.files ?? NODE_FILES;
  const sink = options.outputDir
    ? await openDirectorySink(options.outputDir, errorsFileName(options.shard), options.format, { pageUnwritable, broken: onOutputBroken }, files)
    : stdoutSink(io.stdout, (error) => {
        tally.readerGone = error.code === 'EPIPE';
        onOutputBroken(error);
      });
  const progress = createProgress(io.stderr, sources.length, options.quiet);
  const warc = sources.some((source) => source.warc);
  let inputsDone = 0;
  const pool = new WorkerPool({
    size: workersWanted(options.jobs, sources),
    pageTimeoutMs: options.pageTimeoutMs,
    recycleAfter: options.recycleAfter,
    maxOldGenerationMb: options.maxOldGenerationMb,
    // Batches are of HTML pages (text dumps come one by one): a worker, and a recycled worker's
    // successor, is ready by the time its pages are read.
    preloadHtml: true,
  });
  const scheduler = new Scheduler(sources, options, {
    io,
    pool,
    sink,
    tally,
    files,
    onOutputBroken,
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
  if (tally.readerGone) return tally;
  io.stderr.write(summaryLine(tally, performance.now() - started));
  if (tally.outputBroken) {
    io.stderr.write(`clean-article: E_OUTPUT: cannot write the records to ${options.outputDir ?? 'stdout'} (${tally.outputBroken}); the batch stopped\n`);
  }
  return tally;
}

/** -o DIR that is a file, or a folder that cannot be written, is one plain E_OUTPUT error. */
async function openDirectorySink(dir: string, errorsName: string, format: OutputFormat, events: DirectoryEvents, files: OutputFiles): Promise<Sink> {
  try {
    return await directorySink(dir, errorsName, format, events, files);
  } catch (error) {
    throw new CleanError('E_OUTPUT', `cannot write to the output folder ${dir}: ${folderProblem(error as NodeJS.ErrnoException)}`);
  }
}

/** Why a folder cannot be written to, in a sentence; the errno stays in brackets for searching. */
function folderProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOTDIR':
    case 'EEXIST':
      return 'it is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `it cannot be written (${error.code})`;
    case 'ENOENT':
      // mkdir -p on a read-only file system reports a missing parent instead.
      return 'it cannot be created there (ENOENT)';
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full (${error.code})`;
    case 'ENAMETOOLONG':
      return 'its name is too long (ENAMETOOLONG)';
    default:
      return `it cannot be opened (${error.code ?? error.message})`;
  }
}
