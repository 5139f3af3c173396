// src/cli/main.ts
// The process boundary: parses argv, runs one input (or a batch: src/batch/), writes data to stdout
// and one error line to stderr. The only place that sets the exit code: 0 ok, 1 the input (or
// some batch input) failed, 2 usage error, 130 a batch interrupted by SIGINT/SIGTERM.
// The pipeline (and jsdom with it) is imported lazily so --help and --version answer fast.

import { CommanderError } from 'commander';
import type { OutputFiles } from '../batch/output-files.js';
import { batchOptionsFrom, batchUsageError, readBatchCliOptions, wantsBatch, type BatchCliOptions } from '../batch/cli-options.js';
import { CleanError, formatError, toCleanError } from '../errors.js';
import { withoutCredentials } from '../input/credentials.js';
import { createProgram, readCliOptions, type CliOptions } from './program.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** A batch stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;
/** The reader closed stdout (`| head`): 128 + SIGPIPE, the status of a Unix filter killed by it. */
export const EXIT_PIPE = 141;

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Batch mode calls this once: the signal aborts when the user interrupts the batch. */
  interrupts?: () => AbortSignal;
  /** The file-system calls -o DIR makes (tests pass ones that fail on cue). */
  files?: OutputFiles;
}

const PROCESS_IO: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, interrupts: processInterrupts };

/** SIGINT/SIGTERM stop a batch gracefully; a second one exits at once (outputs are atomic). */
function processInterrupts(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

/** Runs the CLI and resolves with the exit code; never exits the process itself. */
export async function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const program = createProgram().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    // One line in the documented form, not the whole help: "clean-article: <message> (try --help)".
    outputError: (text, write) => write(usageLine(text.trim().replace(/^error:\s*/i, ''))),
  });
  try {
    program.parse([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
  if (program.opts()['listFilters']) return listFilters(io);
  const parsed = readCliOptions(program);
  const filters = await resolveDisabledFilters(parsed.disabledFilters);
  if ('problem' in filters) {
    io.stderr.write(usageLine(filters.problem));
    return EXIT_USAGE;
  }
  const options = { ...parsed, disabledFilters: filters.names };
  const batch = readBatchCliOptions(program);
  if (await wantsBatch(batch)) return runBatchMode(options, batch, io);
  const input = options.input ?? (io.stdin.isTTY ? undefined : '-');
  if (input === undefined) {
    io.stderr.write(usageLine('no input given (a file, a URL, a folder, or - for stdin)'));
    return EXIT_USAGE;
  }
  // user:password@ in a URL is never sent, so the record and any error line go without it.
  return cleanOne(withoutCredentials(input), options, batch.pageTimeoutMs, io);
}

async function cleanOne(input: string, options: CliOptions, pageTimeoutMs: number, io: CliIo): Promise<number> {
  try {
    const { cleanOneInWorker } = await import('./single.js');
    const output = await cleanOneInWorker(input, options, pageTimeoutMs, io.stdin as never);
    await writeFully(io.stdout, output, input);
    return EXIT_OK;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'EPIPE') return EXIT_PIPE;
    const cleanError = error instanceof CleanError ? error : toCleanError(error, input);
    io.stderr.write(`${formatError(cleanError)}\n`);
    return EXIT_FAILED;
  }
}

function usageLine(message: string): string {
  return `clean-article: ${message} (try --help)\n`;
}

/**
 * --no-filter takes names from --list-filters, comma lists, and "all" (every filter off). A name
 * that is no filter is a usage error: silently cleaning with the filter on would mislead.
 */
async function resolveDisabledFilters(given: readonly string[]): Promise<{ names: string[] } | { problem: string }> {
  if (given.length === 0) return { names: [] };
  const { FILTER_NAMES } = await import('../filters/index.js');
  if (given.includes('all')) return { names: [...FILTER_NAMES] };
  const unknown = given.filter((name) => !FILTER_NAMES.includes(name));
  if (unknown.length === 0) return { names: [...given] };
  return { problem: `unknown filter ${unknown.map((name) => `"${name}"`).join(', ')} for --no-filter; the filters are: ${FILTER_NAMES.join(', ')}, or all` };
}

/**
 * Writes and waits until the stream has taken the text: a full disk or a closed pipe is the
 * input's E_OUTPUT error, not a silent exit 0 with nothing written.
 */
function writeFully(stream: NodeJS.WritableStream, text: string, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException): void =>
      reject(Object.assign(new CleanError('E_OUTPUT', `cannot write the result to stdout (${error.code ?? error.message})`, input), { cause: error }));
    stream.once('error', fail);
    try {
      stream.write(text, (error?: Error | null) => {
        // On failure the stream emits 'error' after this callback: keep listening for it.
        if (error) return fail(error as NodeJS.ErrnoException);
        stream.off('error', fail);
        resolve();
      });
    } catch (error) {
      fail(error as NodeJS.ErrnoException);
    }
  });
}

/** Many inputs: records on stdout or in -o DIR, one summary line; 0 all ok, 1 some failed, 130 interrupted. */
async function runBatchMode(options: CliOptions, batch: BatchCliOptions, io: CliIo): Promise<number> {
  const problem = batchUsageError(batch, options);
  if (problem) {
    io.stderr.write(usageLine(problem));
    return EXIT_USAGE;
  }
  const [{ runBatch }, { failedCount }] = await Promise.all([import('../batch/index.js'), import('../batch/summary.js')]);
  const common = {
    compact: options.compact,
    format: options.format,
    explain: options.explain,
    disabledFilters: options.disabledFilters,
    favor: options.favor,
    minWords: options.minWords,
    fetch: options.fetch,
  };
  let tally: Awaited<ReturnType<typeof runBatch>>;
  try {
    tally = await runBatch(batchOptionsFrom(batch, common), io, io.interrupts?.());
  } catch (error) {
    // A batch that cannot start (-o onto a file, an unreadable --urls list) is one plain line.
    if (!(error instanceof CleanError)) throw error;
    io.stderr.write(`${formatError(error)}\n`);
    return EXIT_FAILED;
  }
  if (tally.readerGone) return EXIT_PIPE;
  if (tally.outputBroken) return EXIT_FAILED;
  if (tally.interrupted) return EXIT_INTERRUPTED;
  return failedCount(tally) > 0 ? EXIT_FAILED : EXIT_OK;
}

async function listFilters(io: CliIo): Promise<number> {
  const { FILTERS } = await import('../filters/index.js');
  for (const filter of FILTERS) io.stdout.write(`${filter.name}\t${filter.stage}\t${filter.reason}\n`);
  return EXIT_OK;
}

/** Entry point for bin/clean-article.js. */
export async function main(argv: readonly string[]): Promise<void> {
  const code = await runCli(argv).catch((error: unknown) => {
    process.stderr.write(`${formatError(toCleanError(error))}\n`);
    return EXIT_FAILED;
  });
  // Exit only once stdout has drained, so piped output is never cut short; exiting at all
  // matters because a fetch leaves keep-alive sockets that would hold the process open. A write
  // error was reported already (E_OUTPUT); it must not surface again as a crash.
  process.stdout.on('error', () => process.exit(code === EXIT_OK ? EXIT_FAILED : code));
  process.stdout.write('', () => process.exit(code));
}
