// src/batch/cli-options.ts
// The batch flags of the command line, when batch mode applies, and which combinations are usage
// errors. Kept light (no pipeline, no undici) because --help builds the program from it.

import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { type Command, InvalidArgumentError } from 'commander';
import type { BatchOptions } from './index.js';
import { isWarcName } from '../warc/name.js';
import { parseShard, type Shard } from './shard.js';
import type { FileSelection } from './sources.js';

export interface BatchCliOptions {
  inputs: string[];
  urlsFile: string | undefined;
  outputDir: string | undefined;
  resume: boolean;
  jobs: number;
  pageTimeoutMs: number;
  perHost: number;
  maxConnections: number;
  recycleAfter: number;
  shard: Shard | undefined;
  quiet: boolean;
  /** Which files a folder walk takes (--ext). */
  files: FileSelection;
}

/**
 * The pipeline releases every jsdom document it makes (parse/dom.ts), so a worker's heap stays
 * flat; a fresh worker every 1000 pages is a safety net against whatever a strange page may
 * leave behind, at the cost of one module load (~0.5 s) per 1000 pages.
 */
export const DEFAULT_RECYCLE_AFTER = 1000;

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return number;
}

function positiveSeconds(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('must be a positive number of seconds');
  return number;
}

/** --ext php,shtml (endings added to the page endings; a leading dot is optional) or --ext '*'. */
function extOption(value: string): FileSelection {
  if (value.trim() === '*') return 'all';
  const endings = value
    .split(',')
    .map((ending) => ending.trim().toLowerCase().replace(/^\.+/, ''))
    .filter(Boolean);
  if (endings.length === 0 || endings.some((ending) => /[\\/*?]/.test(ending))) {
    throw new InvalidArgumentError("give file endings separated by commas (php,shtml), or '*' for every file");
  }
  return { extra: endings.map((ending) => `.${ending}`) };
}

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
}

export function addBatchOptions(command: Command): Command {
  return command
    .option('--urls <file>', 'batch: read inputs (URLs or paths) from a file, one a line, - for stdin; # comments')
    .option('-o, --output-dir <dir>', 'batch: write one file a page under DIR (.json, or .md, .txt, .html as --format says) and failures to DIR/errors.jsonl')
    .option('--resume', 'batch: skip inputs whose output in DIR already exists and parses')
    .option('-j, --jobs <n>', 'batch: worker threads, one per CPU unless given', positiveInteger, availableParallelism())
    .option('--page-timeout <seconds>', 'end a page (one, or each of a batch) still being cleaned after this long with E_TIMEOUT', positiveSeconds, 30)
    .option('--per-host <n>', 'batch: URLs of one host read at once', positiveInteger, 2)
    .option('--max-connections <n>', 'batch: inputs read at once in total', positiveInteger, 16)
    .option('--recycle-after <pages>', 'batch: replace each worker after this many pages', positiveInteger, DEFAULT_RECYCLE_AFTER)
    .option('--shard <K/N>', 'batch: only the inputs whose path or URL hashes to shard K of N (1-based)', shardOption)
    .option('--ext <endings>', "batch: folders also yield files with these endings (php,shtml), or every file with '*' (sniffed)", extOption)
    .option('-q, --quiet', 'batch: no progress bar');
}

export function readBatchCliOptions(program: Command): BatchCliOptions {
  const opts = program.opts<{
    urls?: string;
    outputDir?: string;
    resume: boolean;
    jobs: number;
    pageTimeout: number;
    perHost: number;
    maxConnections: number;
    recycleAfter: number;
    shard?: Shard;
    quiet: boolean;
    ext?: FileSelection;
  }>();
  return {
    inputs: [...program.args],
    urlsFile: opts.urls,
    outputDir: opts.outputDir,
    resume: opts.resume === true,
    jobs: opts.jobs,
    pageTimeoutMs: opts.pageTimeout * 1000,
    perHost: opts.perHost,
    maxConnections: opts.maxConnections,
    recycleAfter: opts.recycleAfter,
    shard: opts.shard,
    quiet: opts.quiet === true,
    files: opts.ext ?? { extra: [] },
  };
}

/** Several inputs, a folder, a URL list or any batch-only output flag switch to batch mode. */
export async function wantsBatch(options: BatchCliOptions): Promise<boolean> {
  if (options.inputs.length > 1 || options.urlsFile !== undefined) return true;
  if (options.outputDir !== undefined || options.shard !== undefined || options.resume) return true;
  const only = options.inputs[0];
  if (only === undefined || only === '-' || /^[a-z][a-z0-9+.-]+:/i.test(only)) return false;
  // A WARC file holds many pages: its records come out as JSON Lines, as a batch's do.
  if (isWarcName(only)) return true;
  return (await stat(only).catch(() => null))?.isDirectory() ?? false;
}

/** A combination batch mode cannot honour, as a usage message; undefined when all is well. */
export function batchUsageError(options: BatchCliOptions, common: { url: string | undefined; format: string }): string | undefined {
  if (options.resume && options.outputDir === undefined) return '--resume needs -o DIR (it skips inputs whose output exists)';
  if (common.url !== undefined) return '--url names one saved page; it cannot apply to a batch';
  if (common.format !== 'json' && common.format !== 'jsonl' && options.outputDir === undefined) {
    return `a batch on stdout is JSON Lines; add -o DIR for one ${common.format} file a page (or give a single input)`;
  }
  if (options.urlsFile === '-' && options.inputs.includes('-')) return 'stdin cannot be both the --urls list and a page';
  if (options.inputs.length === 0 && options.urlsFile === undefined) return 'no input given (files, folders, URLs or --urls FILE)';
  return undefined;
}

/** Running pages get this long to finish after SIGINT/SIGTERM before they are ended. */
export const INTERRUPT_GRACE_MS = 5_000;
/** Each worker's heap cap: a page that needs more ends as E_WORKER instead of taking the batch down. */
export const WORKER_HEAP_MB = 1536;

/** The full batch options: the batch flags plus the cleaning flags every mode shares. */
export function batchOptionsFrom(batch: BatchCliOptions, common: BatchCommonOptions): BatchOptions {
  return { ...batch, ...common, graceMs: INTERRUPT_GRACE_MS, maxOldGenerationMb: WORKER_HEAP_MB };
}

export type BatchCommonOptions = Pick<BatchOptions, 'compact' | 'format' | 'explain' | 'disabledFilters' | 'favor' | 'minWords' | 'fetch'>;
