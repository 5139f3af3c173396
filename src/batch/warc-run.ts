// src/batch/warc-run.ts
// One WARC file in a batch: its records are read in order, the pages among them go through the
// shared worker pool a few at a time, and every record that yields a line (a page, or an error)
// is written in record order. Skipped records (requests, revisits, non-200, non-HTML) are counted.

import type { WarcItem } from '../warc/records.js';
import { AtomicFile } from './atomic.js';
import { refuseSymlinksBelow } from './dir-sink.js';
import type { OutputFiles } from './output-files.js';
import { readWarcFile } from '../warc/records.js';
import type { WorkerPool } from './pool.js';
import type { PageRequest } from './protocol.js';
import { errorLine } from './sink.js';
import type { BatchSource } from './sources.js';
import { countFailure, type BatchTally } from './summary.js';

export interface WarcJob {
  source: BatchSource;
  pool: WorkerPool;
  tally: BatchTally;
  maxBytes: number;
  options: PageRequest['options'];
  /**
   * Pages and error records in the pool or waiting to be written at once: enough that one slow
   * page at the head of the queue does not leave the other workers idle, few enough that memory
   * stays bounded (each holds at most --max-bytes).
   */
  window: number;
  /** A pool request id no other page uses. */
  nextId: () => number;
  /** True once the batch is interrupted: no new record is started. */
  stopped: () => boolean;
  onRecord: () => void;
  /** Records of this file cleaned into an article, so far (they are in tally.ok too). */
  counts: { ok: number };
}

/** A record's line, or null when the interrupt ended it. */
type Pending = Promise<string | null>;

/** Runs the file; true when every record was read and written, false when interrupted. */
export async function runWarc(job: WarcJob, write: (line: string) => Promise<void>): Promise<boolean> {
  const queue: Pending[] = [];
  let complete = true;
  const flushOne = async (): Promise<void> => {
    const line = await queue.shift()!;
    if (line === null) complete = false;
    else await write(line);
  };
  for await (const item of readWarcFile(job.source.spec, job.maxBytes)) {
    if (job.stopped()) {
      complete = false;
      break;
    }
    // A skipped record has no line to keep in order, so it takes no place in the window.
    if (item.kind === 'skip') job.tally.warcSkipped.set(item.reason, (job.tally.warcSkipped.get(item.reason) ?? 0) + 1);
    else queue.push(settle(job, item));
    while (queue.length >= job.window) await flushOne();
  }
  while (queue.length > 0) await flushOne();
  return complete && !job.stopped();
}

/**
 * -o DIR: the file's records go to `path`, published only once all are in ('complete'); an
 * interrupt leaves nothing ('stopped'); a write error is returned, and nothing is left either.
 */
export async function runWarcToFile(job: WarcJob, dir: string, path: string, files: OutputFiles): Promise<'complete' | 'stopped' | NodeJS.ErrnoException> {
  const file = await refuseSymlinksBelow(dir, path, files)
    .then(() => AtomicFile.open(path, files))
    .catch((error: NodeJS.ErrnoException) => error);
  if (file instanceof Error) return file;
  let writeError: NodeJS.ErrnoException | null = null;
  const append = (line: string): Promise<void> =>
    file.append(line).catch((error: NodeJS.ErrnoException) => {
      writeError = error;
      throw error;
    });
  const complete = await runWarc(job, append).catch(() => false);
  if (complete && writeError === null)
    writeError = await file.commit().then(
      () => null,
      (error: NodeJS.ErrnoException) => error,
    );
  else await file.discard();
  return writeError ?? (complete ? 'complete' : 'stopped');
}

async function settle(job: WarcJob, item: Exclude<WarcItem, { kind: 'skip' }>): Promise<string | null> {
  const source = `${job.source.spec}#${item.offset}`;
  const { tally } = job;
  const outcome =
    item.kind === 'error'
      ? { ok: false as const, code: item.code, message: item.message }
      : await job.pool.run({
          id: job.nextId(),
          source,
          bytes: item.bytes,
          contentType: item.contentType,
          url: item.warc.targetUri,
          warc: item.warc,
          options: job.options,
          layout: 'line',
        });
  if (outcome === null) return null;
  job.onRecord();
  if (outcome.ok) {
    tally.ok++;
    job.counts.ok++;
    return outcome.record;
  }
  countFailure(tally, outcome.code);
  return errorLine(source, outcome.code, outcome.message);
}
