// src/cli/single.ts
// One input from the command line: read (or fetched) here, cleaned in one worker thread so that
// --page-timeout and the worker's heap cap hold for a single page as they do in a batch. A page
// that would run for minutes on a 19 MB text node ends as E_TIMEOUT instead, and a page that
// needs more memory than the cap ends as E_WORKER, not as a dead process.

import type { Readable } from 'node:stream';
import { WORKER_HEAP_MB } from '../batch/cli-options.js';
import { WorkerPool } from '../batch/pool.js';
import { layoutOf } from '../batch/protocol.js';
import { CleanError, toCleanError } from '../errors.js';
import { resolveFetchOptions } from '../input/limits.js';
import type { CliOptions } from './program.js';

/** Inputs named like text dumps: their worker loads only what a dump needs (src/batch/worker.ts). */
const TEXT_NAME = /\.(txt|text|md)(\.gz)?$/i;

/** The rendered output for one input; throws a CleanError (with the input) when it fails. */
export async function cleanOneInWorker(input: string, options: CliOptions, pageTimeoutMs: number, stdin: Readable): Promise<string> {
  // The worker starts first: unless the name says text, it loads the HTML pipeline on the other
  // core while this thread loads the readers and reads the file, stdin or the URL.
  const preloadHtml = !TEXT_NAME.test(input);
  // One page: its worker is never replaced. With recycleAfter 1, a successor started after the
  // page only to be ended at once, and the process waited for both (about 0.1 s).
  const pool = new WorkerPool({ size: 1, pageTimeoutMs, recycleAfter: Number.POSITIVE_INFINITY, maxOldGenerationMb: WORKER_HEAP_MB, preloadHtml });
  try {
    const { readInput } = await import('../input/index.js');
    const raw = await readInput(input, resolveFetchOptions(options.fetch), stdin).catch((error: unknown) => {
      throw toCleanError(error, input);
    });
    const outcome = await pool.run({
      id: 0,
      source: input,
      bytes: raw.bytes,
      contentType: raw.contentType,
      url: raw.url ?? options.url ?? null,
      options: { explain: options.explain, disabledFilters: options.disabledFilters, favor: options.favor, minWords: options.minWords },
      layout: layoutOf(options.format, options.compact),
    });
    if (outcome === null) throw new CleanError('E_INTERNAL', 'the worker was closed before the page finished', input);
    if (!outcome.ok) throw new CleanError(outcome.code, outcome.message, input);
    return outcome.record;
  } finally {
    await pool.close();
  }
}
