// src/cli/main.ts
// The process boundary: parses argv, runs one input (or a batch: src/batch/), writes data to stdout
// and one error line to stderr. The only place that sets the exit code: 0 ok, 1 the input (or
// some batch input) failed, 2 usage error, 130 a batch interrupted by SIGINT/SIGTERM.
// The pipeline (and jsdom with it) is imported lazily so --help and --version answer fast.

import { CommanderError } from 'commander';
import { batchOptionsFrom, batchUsageError, readBatchCliOptions, wantsBatch, type BatchCliOptions } from '../batch/cli-options.js';
import { CleanError, formatError, toCleanError } from '../errors.js';
import { createProgram, readCliOptions, type CliOptions } from './program.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** A batch stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Batch mode calls this once: the signal aborts when the user interrupts the batch. */
  interrupts?: () => AbortSignal;
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
  });
  try {
    program.parse([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
  if (program.opts()['listFilters']) return listFilters(io);
  const options = readCliOptions(program);
  const batch = readBatchCliOptions(program);
  if (await wantsBatch(batch)) return runBatchMode(options, batch, io);
  const input = options.input ?? (io.stdin.isTTY ? undefined : '-');
  if (input === undefined) {
    io.stderr.write('clean-article: no input given (a file, a URL, or - for stdin)\n\n');
    io.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  return cleanOne(input, options, io);
}

async function cleanOne(input: string, options: CliOptions, io: CliIo): Promise<number> {
  try {
    const [{ cleanArticle }, { render }] = await Promise.all([import('../index.js'), import('../output/index.js')]);
    const article = await cleanArticle(
      input,
      {
        url: options.url,
        explain: options.explain,
        disabledFilters: options.disabledFilters,
        favor: options.favor,
        fetch: options.fetch,
      },
      io.stdin as never,
    );
    io.stdout.write(await render(article, options.format, { compact: options.compact }));
    return EXIT_OK;
  } catch (error) {
    const cleanError = error instanceof CleanError ? error : toCleanError(error, input);
    io.stderr.write(`${formatError(cleanError)}\n`);
    return EXIT_FAILED;
  }
}

/** Many inputs: records on stdout or in -o DIR, one summary line; 0 all ok, 1 some failed, 130 interrupted. */
async function runBatchMode(options: CliOptions, batch: BatchCliOptions, io: CliIo): Promise<number> {
  const problem = batchUsageError(batch, options);
  if (problem) {
    io.stderr.write(`clean-article: ${problem}\n`);
    return EXIT_USAGE;
  }
  const [{ runBatch }, { failedCount }] = await Promise.all([import('../batch/index.js'), import('../batch/summary.js')]);
  const common = { compact: options.compact, explain: options.explain, disabledFilters: options.disabledFilters, favor: options.favor, fetch: options.fetch };
  const tally = await runBatch(batchOptionsFrom(batch, common), io, io.interrupts?.());
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
  // matters because a fetch leaves keep-alive sockets that would hold the process open.
  process.stdout.write('', () => process.exit(code));
}
