// src/bench/startup.ts
// `node dist/bench/startup.js [--runs N] [--bin PATH] [--versus PATH]`: wall time of one CLI
// process from spawn to exit, median of N runs (10), for --help, the seed text dump
// (../shared/seed) and a benchmark page of median size. One process per run, so each pays the
// whole start-up, as a shell loop does. With --versus, another build (say main's checkout) runs
// the same cases interleaved with this one, run by run in alternating order, so the noise of a
// shared machine falls on both alike. On Linux the CPU time of each process (user + system) is
// given too: it moves less than wall time when other jobs compete for the cores.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, flag } from './cli-run.js';
import { benchDir, loadPages } from './pages.js';
import { median } from './stats.js';

interface Timing {
  wallMs: number;
  /** null where /proc/self/stat is not there to tell the children's CPU time. */
  cpuMs: number | null;
}

/** user + system CPU time of this process's finished children, from /proc/self/stat (ticks of 10 ms). */
function childrenCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", cutime and cstime are fields 13 and 14 (0-based), in USER_HZ ticks.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function timeRun(bin: string, args: string[]): Timing {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  execFileSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  const wallMs = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  return { wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

function cell(timings: Timing[]): string {
  const wall = (median(timings.map((timing) => timing.wallMs)) / 1000).toFixed(2);
  if (timings.some((timing) => timing.cpuMs === null)) return `${wall} s`;
  return `${wall} s (CPU ${(median(timings.map((timing) => timing.cpuMs!)) / 1000).toFixed(2)} s)`;
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

function main(): void {
  const argv = process.argv.slice(2);
  const runs = Number(flag(argv, '--runs') ?? 10);
  const versus = flag(argv, '--versus');
  const bins = [resolve(flag(argv, '--bin') ?? BIN), ...(versus ? [resolve(versus)] : [])];
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
    const loadBefore = load();
    const times = new Map(cases.flatMap(([name]) => bins.map((bin) => [`${name}\t${bin}`, [] as Timing[]])));
    // Round-robin over the cases, and over the builds in alternating order, so machine noise
    // falls on every cell alike.
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? bins : [...bins].reverse();
      for (const [name, args] of cases) for (const bin of order) times.get(`${name}\t${bin}`)!.push(timeRun(bin, args));
    }
    console.log(`\nmedians of ${runs} runs; load average before ${loadBefore}, after ${load()}`);
    console.log(`| one process | ${bins.join(' | ')} |`);
    console.log(`|---|${bins.map(() => '---|').join('')}`);
    for (const [name] of cases) console.log(`| ${name} | ${bins.map((bin) => cell(times.get(`${name}\t${bin}`)!)).join(' | ')} |`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
