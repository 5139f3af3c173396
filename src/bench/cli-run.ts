// src/bench/cli-run.ts
// What the batch and WARC benchmarks share: the pages copied into a folder, one timed run of the
// real CLI (bin/clean-article.js) with its records in a file, and the F1 of those records.

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDir, type BenchPage } from './pages.js';
import { statusKb } from './rss.js';

export const BIN = new URL('../../bin/clean-article.js', import.meta.url).pathname;

export function flag(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Writes the pages as <id>.html (gunzipped), `copies` pages in all (cycling, numbered when repeated). */
export function copyPages(pages: BenchPage[], copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'clean-article-bench-batch-'));
  for (let i = 0; i < copies; i++) {
    const page = pages[i % pages.length]!;
    const name = copies > pages.length ? `${String(i).padStart(5, '0')}-${page.id}.html` : `${page.id}.html`;
    writeFileSync(join(dir, name), page.bytes);
  }
  return dir;
}

/** One run of the CLI over `input` at -j N, records into outPath; pages/s over the whole process's wall clock. */
export function timeBatch(input: string, jobs: number, outPath: string): number {
  const out = openSync(outPath, 'w');
  const started = performance.now();
  try {
    execFileSync(process.execPath, [BIN, input, '-j', String(jobs), '-q'], { stdio: ['ignore', out, 'pipe'] });
  } catch (error) {
    // Exit 1 only means some page failed; its record is in the output like any other.
    if ((error as { status?: number }).status !== 1) throw error;
  } finally {
    closeSync(out);
  }
  const seconds = (performance.now() - started) / 1000;
  return readFileSync(outPath, 'utf8').trim().split('\n').length / seconds;
}

/** F1 of JSON Lines records by the benchmark's score.mjs; `idOf` maps a record's source to its page id. */
export function scoreRecords(records: string, predPath: string, idOf: (source: string) => string): number {
  const preds = records
    .trim()
    .split('\n')
    .map((line) => {
      const record = JSON.parse(line) as { source: string; text?: string };
      return JSON.stringify({ id: idOf(record.source), articleBody: record.text ?? '' });
    });
  writeFileSync(predPath, preds.join('\n'));
  const out = execFileSync(process.execPath, [join(benchDir(), 'score.mjs'), predPath, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const f1 = (JSON.parse(out) as { f1: number | { value?: number; mean?: number } }).f1;
  return typeof f1 === 'number' ? f1 : (f1.value ?? f1.mean ?? NaN);
}

/** A saved page's id from its file name. */
export const idOfFile = (source: string): string => source.replace(/^.*\//, '').replace(/\.html$/, '');

/**
 * One run of the CLI with `args`, records into outPath, polling its VmHWM (the process's peak
 * RSS; worker threads are inside it) until it exits.
 */
export async function runWithPeak(args: string[], outPath: string): Promise<{ peakKb: number; seconds: number; exit: number | null }> {
  const out = openSync(outPath, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', out, 'inherit'] });
  let peakKb = 0;
  const timer = setInterval(() => {
    if (child.pid) peakKb = Math.max(peakKb, statusKb(child.pid, 'VmHWM'));
  }, 100);
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  closeSync(out);
  return { peakKb, seconds: (performance.now() - started) / 1000, exit };
}
