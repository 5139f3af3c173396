// src/bench/batch.ts
// Batch benchmarks of the real CLI (bin/clean-article.js), called by run.ts or on its own:
//   node dist/bench/batch.js [--speed] [--memory] [--rounds N] [--memory-pages N] [--readability-pps X]
// --speed: the 181 pages copied into a temp folder, one batch at -j 1 and one at -j 2; pages/s of
//   each (wall clock of the whole process, start-up included), their ratio, and F1 of the output.
// --memory: the pages copied again and again up to 10,000 files; peak RSS of the process tree and
//   its RSS while the first and the last thousand pages were written.

import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, copyPages, flag, idOfFile, scoreRecords, timeBatch } from './cli-run.js';
import { benchDir, loadPages, type BenchPage } from './pages.js';
import { rssOfTreeKb } from './rss.js';

const SAMPLE_MS = 250;

function speed(pages: BenchPage[], rounds: number, readabilityPps: number | undefined): void {
  const folder = copyPages(pages, pages.length);
  const outDir = mkdtempSync(join(tmpdir(), 'clean-article-bench-out-'));
  try {
    const best = { 1: 0, 2: 0 };
    // Alternate -j 1 and -j 2 round by round so machine noise hits both alike; keep each one's best.
    for (let round = 0; round < rounds; round++) {
      for (const jobs of [1, 2] as const) best[jobs] = Math.max(best[jobs], timeBatch(folder, jobs, join(outDir, `j${jobs}.jsonl`)));
    }
    const f1 = scoreRecords(readFileSync(join(outDir, 'j2.jsonl'), 'utf8'), join(outDir, 'pred.jsonl'), idOfFile);
    console.log(`\n| batch (${pages.length} pages, real CLI, start-up included) | pages/s |`);
    console.log('|---|---|');
    console.log(`| -j 1 | ${best[1].toFixed(1)} |`);
    console.log(`| -j 2 | ${best[2].toFixed(1)} |`);
    console.log(`\n-j 2 / -j 1: ${(best[2] / best[1]).toFixed(2)}; F1 of the batch output: ${f1.toFixed(3)}`);
    if (readabilityPps) console.log(`-j 1 / plain Readability (${readabilityPps.toFixed(1)} pages/s): ${(best[1] / readabilityPps).toFixed(2)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

interface Sample {
  done: number;
  rssKb: number;
}

/** Runs the batch, sampling the tree's RSS and how many records are out, every SAMPLE_MS. */
async function sampleBatch(folder: string, outPath: string): Promise<Sample[]> {
  const out = openSync(outPath, 'w');
  const child = spawn(process.execPath, [BIN, folder, '-q'], { stdio: ['ignore', out, 'inherit'] });
  const reader = openSync(outPath, 'r');
  const samples: Sample[] = [];
  let done = 0;
  const buffer = Buffer.alloc(1 << 20);
  const timer = setInterval(() => {
    for (let read = readSync(reader, buffer); read > 0; read = readSync(reader, buffer)) {
      for (let i = 0; i < read; i++) if (buffer[i] === 0x0a) done++;
    }
    const rssKb = child.pid ? rssOfTreeKb(child.pid) : 0;
    if (rssKb > 0) samples.push({ done, rssKb });
  }, SAMPLE_MS);
  await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  closeSync(out);
  closeSync(reader);
  return samples;
}

async function memory(pages: BenchPage[], total: number): Promise<void> {
  const folder = copyPages(pages, total);
  const outDir = mkdtempSync(join(tmpdir(), 'clean-article-bench-out-'));
  try {
    const started = performance.now();
    const samples = await sampleBatch(folder, join(outDir, 'memory.jsonl'));
    const seconds = (performance.now() - started) / 1000;
    const mb = (kb: number): string => (kb / 1024).toFixed(0);
    const window = (from: number, to: number): string => {
      const rss = samples.filter((s) => s.done >= from && s.done < to).map((s) => s.rssKb);
      if (rss.length === 0) return 'n/a | n/a';
      return `${mb(rss.reduce((a, b) => a + b, 0) / rss.length)} | ${mb(Math.max(...rss))}`;
    };
    const thousand = Math.min(1000, Math.floor(total / 10));
    console.log(`\n| memory: ${total} pages, -j default, ${seconds.toFixed(0)} s | mean RSS MB | max RSS MB |`);
    console.log('|---|---|---|');
    console.log(`| first ${thousand} pages | ${window(0, thousand)} |`);
    console.log(`| last ${thousand} pages | ${window(total - thousand, total + 1)} |`);
    console.log(`| whole batch (peak of the process tree) | | ${mb(Math.max(...samples.map((s) => s.rssKb)))} |`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const pages = loadPages(benchDir());
  const readabilityPps = flag(argv, '--readability-pps');
  if (argv.includes('--speed')) speed(pages, Math.max(1, Number(flag(argv, '--rounds') ?? 1)), readabilityPps ? Number(readabilityPps) : undefined);
  if (argv.includes('--memory')) await memory(pages, Number(flag(argv, '--memory-pages') ?? 10_000));
}

await main();
