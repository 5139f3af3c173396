// src/bench/startup.ts
// `node dist/bench/startup.js [--runs N] [--bin PATH]`: wall time of one CLI process from spawn to
// exit, median of N runs (10), for --help, the seed text dump (../shared/seed) and a benchmark page
// of median size. One process per run, so each pays the whole start-up, as a shell loop does.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, flag } from './cli-run.js';
import { benchDir, loadPages } from './pages.js';
import { median } from './stats.js';

function timeRun(bin: string, args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  return performance.now() - started;
}

function main(): void {
  const argv = process.argv.slice(2);
  const runs = Number(flag(argv, '--runs') ?? 10);
  const bin = resolve(flag(argv, '--bin') ?? BIN);
  const seedDir = resolve(benchDir(), '..', 'seed');
  const seed = join(seedDir, readdirSync(seedDir).find((name) => name.endsWith('.txt'))!);
  const pages = loadPages(benchDir()).sort((a, b) => a.bytes.length - b.bytes.length);
  const typical = pages[Math.floor(pages.length / 2)]!;
  const work = mkdtempSync(join(tmpdir(), 'clean-article-startup-'));
  const page = join(work, `${typical.id}.html`);
  writeFileSync(page, typical.bytes);
  const cases: Array<[string, string[]]> = [
    ['--help', ['--help']],
    [`seed text dump (${statSync(seed).size} bytes)`, [seed]],
    [`benchmark page of median size (${(typical.bytes.length / 1024).toFixed(0)} kB)`, [page]],
  ];
  try {
    const times = new Map(cases.map(([name]) => [name, [] as number[]]));
    // Round-robin, so machine noise falls on every case alike.
    for (let run = 0; run < runs; run++) for (const [name, args] of cases) times.get(name)!.push(timeRun(bin, args));
    console.log(`\n| start-up, ${bin}, median of ${runs} | wall s |`);
    console.log('|---|---|');
    for (const [name, ms] of times) console.log(`| ${name} | ${(median(ms) / 1000).toFixed(2)} |`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
