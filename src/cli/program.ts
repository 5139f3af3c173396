// src/cli/program.ts
// The command-line grammar. Building the program has no side effects, so tests can parse argv
// without touching the process; only cli/main.ts acts on the result.

import { helpEpilogue } from './help-text.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MIN_WORDS, DEFAULT_USER_AGENT } from '../input/limits.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/index.js';
import type { Favor, FetchOptions } from '../types.js';
import { VERSION } from '../version.js';
import { addBatchOptions } from '../batch/cli-options.js';
import { collectHeader, fetchOptionsFrom, nonNegativeInteger, type FetchFlags } from './fetch-options.js';

export interface CliOptions {
  input: string | undefined;
  url: string | undefined;
  format: OutputFormat;
  /** JSON on one line; pretty-printed otherwise, on a terminal or not. */
  compact: boolean;
  explain: boolean;
  disabledFilters: string[];
  favor: Favor;
  minWords: number;
  timeoutMs: number;
  maxBytes: number;
  /** Every fetch flag (timeout, caps, retries, headers, cache) as library options. */
  fetch: Partial<FetchOptions>;
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('must be a positive number');
  return number;
}

function absoluteUrl(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    throw new InvalidArgumentError('must be an absolute URL such as https://example.com/story');
  }
}

function collect(value: string, previous: unknown): string[] {
  return Array.isArray(previous) ? [...(previous as string[]), value] : [value];
}

export function createProgram(): Command {
  const program = new Command('clean-article')
    .description('Turn a raw news page (file, URL, text dump or stdin) into clean article JSON.')
    .version(VERSION, '-V, --version')
    .argument(
      '[inputs...]',
      'saved pages (.html, .htm, .xhtml, optionally .gz), text dumps, http(s) URLs, - for stdin, folders, or WARC files (.warc, .warc.gz) (several inputs, a folder or a WARC: batch mode, JSON Lines)',
    )
    .option('--url <url>', 'the original address of a saved page (resolves links, fills "url")', absoluteUrl)
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('json'))
    .option('--compact', 'print JSON on one line instead of pretty-printed')
    .option('--explain', 'list every removal and the filter that made it in "removed", and each metadata field\'s source in "metadataSources"')
    .option('--no-filter <names>', 'switch filters off: a name, a comma list, or "all" (repeatable; see --list-filters)', collect)
    .option('--favor-precision', 'keep only the block Readability chose: less text, less boilerplate')
    .option('--favor-recall', 'also take back short paragraphs and linkier sections around the chosen block: more text, more risk of boilerplate')
    .option('--min-words <n>', 'refuse a page with fewer words of text than this as E_NO_ARTICLE (0 takes anything)', nonNegativeInteger, DEFAULT_MIN_WORDS)
    .option('--list-filters', 'print the filter names and reasons, then exit')
    .option('--timeout <seconds>', 'give up on a URL after this many seconds (each of connect, headers, whole body)', positiveNumber, 30)
    .option('--max-bytes <n>', 'refuse bodies larger than this many bytes (after decompression)', positiveNumber, 20 * 1024 * 1024)
    .option('--retries <n>', 'retry a reset connection or a 429/502/503/504 up to N times', nonNegativeInteger, 2)
    .option('--user-agent <text>', 'the User-Agent header', DEFAULT_USER_AGENT)
    .option('--header <header>', 'an extra request header, "Name: value" (repeatable)', collectHeader)
    .option('--cache <dir>', 'keep fetched responses in DIR and reuse them instead of fetching again')
    .exitOverride();
  return addBatchOptions(program).addHelpText('after', helpEpilogue());
}

export function readCliOptions(program: Command): CliOptions {
  const opts = program.opts<
    {
      url?: string;
      format: OutputFormat;
      compact: boolean;
      explain: boolean;
      filter: unknown;
      favorPrecision?: boolean;
      favorRecall?: boolean;
      minWords: number;
    } & FetchFlags
  >();
  return {
    input: program.args[0],
    url: opts.url,
    format: opts.format,
    compact: opts.compact === true,
    explain: opts.explain === true,
    disabledFilters: Array.isArray(opts.filter) ? (opts.filter as string[]).flatMap((names) => names.split(',')).map((name) => name.trim()) : [],
    favor: opts.favorPrecision ? 'precision' : opts.favorRecall ? 'recall' : 'balanced',
    minWords: opts.minWords,
    timeoutMs: opts.timeout * 1000,
    maxBytes: Math.floor(opts.maxBytes),
    fetch: fetchOptionsFrom(opts),
  };
}
