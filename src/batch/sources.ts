// src/batch/sources.ts
// Expands the command line (paths, folders, --urls lists) into one ordered list of inputs, each
// with the relative name its output takes under -o DIR.

import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { join, relative, sep } from 'node:path';
import { CleanError } from '../errors.js';
import { withoutCredentials } from '../input/credentials.js';
import { classifyInput } from '../input/index.js';
import { isWarcName, WARC_ENDING } from '../warc/name.js';

export interface BatchSource {
  /** The input as reading it needs it: a path, an http(s) URL or "-". */
  spec: string;
  /** Where its output goes under -o DIR, without the ".json" ending; unique in the list. */
  outName: string;
  /** The URL's host, for the per-host limit; null for files and stdin. */
  host: string | null;
  /** A WARC file: many pages, written as one JSON Lines file under -o DIR. */
  warc?: boolean;
  /** Set when the input cannot hold a page at all (a folder with none): its E_INPUT message. */
  problem?: string;
  /** The page's original address, from a `path<TAB>url` line of a --urls list. */
  url?: string;
}

/** Which files a folder walk takes: the page endings plus `extra` ones (--ext), or every file. */
export type FileSelection = { extra: readonly string[] } | 'all';
export const PAGE_FILES: FileSelection = { extra: [] };

/** What a folder walk left out, for the summary. */
export interface WalkTally {
  filesSkipped: number;
}

/**
 * How many workers a batch can keep busy: never more than -j, and never more than the pages
 * there are, since each one costs a jsdom load (~0.5 s, ~100 MB). A WARC file holds any number
 * of pages, so one WARC among the inputs can use them all.
 */
export function workersWanted(jobs: number, sources: readonly BatchSource[]): number {
  return sources.some((source) => source.warc) ? jobs : Math.min(jobs, sources.length);
}

/** The page endings a folder walk picks up; a named file is taken whatever its ending. */
const PAGE_ENDINGS = ['.html', '.htm', '.xhtml', '.html.gz', '.txt'] as const;

export function isPageName(name: string, selection: FileSelection = PAGE_FILES): boolean {
  if (selection === 'all') return true;
  const lower = name.toLowerCase();
  return [...PAGE_ENDINGS, ...selection.extra].some((ending) => lower.endsWith(ending)) || isWarcName(name);
}

/** Folder walk: sorted, hidden entries skipped, each real folder entered once (symlink loops end). */
export async function* walkFolder(root: string, selection: FileSelection = PAGE_FILES, tally?: WalkTally): AsyncGenerator<string> {
  const seen = new Set<string>();
  async function* visit(dir: string): AsyncGenerator<string> {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
    for (const name of names) {
      const path = join(dir, name);
      // stat, not lstat: a symlink to a page or folder is followed; `seen` stops the loops.
      const info = await stat(path).catch(() => null);
      if (info?.isDirectory()) yield* visit(path);
      else if (info?.isFile() && isPageName(name, selection)) yield path;
      else if (info?.isFile() && tally) tally.filesSkipped++;
    }
  }
  yield* visit(root);
}

/** The lines of a --urls list: blank lines and # comments dropped. */
export function parseUrlList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export async function readUrlList(file: string, stdin: Readable): Promise<string[]> {
  if (file !== '-') {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new CleanError('E_INPUT', `cannot read the --urls list (${error.code ?? error.message})`, file);
    });
    return parseUrlList(text);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return parseUrlList(Buffer.concat(chunks).toString('utf8'));
}

/** "saved/a.html<TAB>https://example.com/a": a saved page and the address it was saved from. */
function splitListLine(line: string): [string, string | undefined] {
  const tab = line.indexOf('\t');
  return tab < 0 ? [line, undefined] : [line.slice(0, tab).trim(), line.slice(tab + 1).trim()];
}

function withUrl(source: BatchSource, url: string): BatchSource {
  if (source.host !== null || source.spec === '-') return { ...source, problem: `a URL after the tab goes with a saved file, not with ${source.spec}` };
  if (!/^https?:\/\/[^/\s]/i.test(url) || !URL.canParse(url)) return { ...source, problem: `not an http(s) URL after the tab: ${withoutCredentials(url)}` };
  return { ...source, url: withoutCredentials(url) };
}

/** A URL's output name: host and path, made safe as a relative file path. */
function urlOutName(spec: string): string {
  const url = new URL(spec);
  const path = `${url.pathname}${url.search}`.replace(/\/+$/, '') || '/index';
  return safeRelative(`${url.host}${path}`);
}

/** Keeps names inside DIR: no "..", no empty segments, no characters file systems refuse. */
function safeRelative(name: string): string {
  return (
    name
      .split(/[\\/]+/)
      .filter((part) => part !== '' && part !== '.' && part !== '..')
      // Control characters and the characters Windows forbids in file names.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
      .map((part) => shortened(part.replace(/[\u0000-\u001f<>:"|?*]/g, '_')))
      .join('/') || 'input'
  );
}

/**
 * Most bytes of one name segment. File systems allow 255; the output adds its ending (".jsonl"),
 * maybe a "~N" suffix, and its temporary twin ".NAME.PID.RANDOM.tmp" 25 more.
 */
export const MAX_SEGMENT_BYTES = 200;

/** A segment over the limit: its head, cut at a character, and a hash of the whole, so names stay unique. */
function shortened(part: string): string {
  if (Buffer.byteLength(part) <= MAX_SEGMENT_BYTES) return part;
  const hash = createHash('sha256').update(part).digest('hex').slice(0, 12);
  let head = '';
  for (const character of part) {
    if (Buffer.byteLength(head + character) > MAX_SEGMENT_BYTES - hash.length - 1) break;
    head += character;
  }
  return `${head}-${hash}`;
}

function describe(spec: string, outName: string): BatchSource {
  const kind = classifyInput(spec);
  if (kind === 'file' && isWarcName(spec)) return { spec, outName: outName.replace(WARC_ENDING, '') || 'warc', host: null, warc: true };
  return { spec, outName, host: kind === 'url' ? new URL(spec).host.toLowerCase() : null };
}

/** One named input: a URL, "-", a folder (walked) or a file. */
async function* expandArg(given: string, selection: FileSelection, tally: WalkTally): AsyncGenerator<BatchSource> {
  // user:password@ in a URL is never sent (see credentials.ts), so no record or file name shows it.
  const arg = withoutCredentials(given);
  let kind: ReturnType<typeof classifyInput>;
  try {
    kind = classifyInput(arg);
  } catch {
    // An unsupported scheme still gets its record: reading it fails with E_INPUT later.
    yield { spec: arg, outName: safeRelative(arg), host: null };
    return;
  }
  if (kind === 'url') return yield describe(arg, urlOutName(arg));
  if (kind === 'stdin') return yield describe(arg, 'stdin');
  const info = await stat(arg).catch(() => null);
  if (!info?.isDirectory()) return yield describe(arg, safeRelative(relative(process.cwd(), arg) || arg));
  const before = tally.filesSkipped;
  let pages = 0;
  for await (const path of walkFolder(arg, selection, tally)) {
    pages++;
    yield describe(path, safeRelative(relative(arg, path).split(sep).join('/')));
  }
  // A folder with no page is a mistake to say out loud (the wrong folder, or a mirror whose
  // pages end in .php): one E_INPUT record, not a silent "0 ok".
  if (pages === 0) {
    const skipped = tally.filesSkipped - before;
    const why = skipped > 0 ? `: ${skipped} file${skipped > 1 ? 's' : ''} with no page ending (--ext adds endings, --ext '*' takes every file)` : '';
    yield { spec: arg, outName: safeRelative(relative(process.cwd(), arg) || arg), host: null, problem: `no page in the folder${why}` };
  }
}

/**
 * Every input in order; output names made unique by a "~N" suffix on repeats. Names are compared
 * without case (macOS and Windows folders ignore it), and a suffix is itself checked against every
 * name given out, so "X.html", "x.html" and "x.html~1" still make three files.
 */
export async function collectSources(
  args: readonly string[],
  urls: readonly string[],
  selection: FileSelection = PAGE_FILES,
  tally: WalkTally = { filesSkipped: 0 },
): Promise<BatchSource[]> {
  const sources: BatchSource[] = [];
  for (const arg of args) for await (const source of expandArg(arg, selection, tally)) sources.push(source);
  for (const line of urls) {
    const [spec, url] = splitListLine(line);
    for await (const source of expandArg(spec, selection, tally)) sources.push(url === undefined ? source : withUrl(source, url));
  }
  const taken = new Set<string>();
  return sources.map((source) => {
    let outName = source.outName;
    for (let n = 1; taken.has(outName.toLowerCase()); n++) outName = `${source.outName}~${n}`;
    taken.add(outName.toLowerCase());
    return outName === source.outName ? source : { ...source, outName };
  });
}
