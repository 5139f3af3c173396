// src/bench/fuzz.ts
// `npm run build && node dist/bench/fuzz.js [--mutants N] [--seed S] [--keep]`: the hardening fuzz run.
// N mutated benchmark pages plus generated hostile pages of every kind issue 13 names
// (fuzz-pages.ts) go through one batch of the real CLI at -j 2 with --page-timeout 10, and then
// each alone through a CPU pass (fuzz-cpu.ts) that measures the CPU time each page costs.
// Passes when every input has a record, none is E_INTERNAL or E_WORKER, no page used more than
// 10 s of CPU, and the batch's peak RSS stays under 1.5 GB; exits 1 otherwise. The batch's own
// E_TIMEOUT is wall clock, which a busy shared machine stretches: it is reported with the page's
// CPU time, and only the CPU time is judged.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, runWithPeak } from './cli-run.js';
import { type CpuResult, measureCpu } from './fuzz-cpu.js';
import { writeFuzzInputs } from './fuzz-pages.js';
import { benchDir, loadPages } from './pages.js';

const PEAK_LIMIT_MB = 1536;
const PAGE_LIMIT_S = 10;
/** Codes that mean the tool itself failed on the page, whatever the machine's load. */
const FAILING_CODES = new Set(['E_INTERNAL', 'E_WORKER']);

interface BatchRecord {
  source: string;
  error?: { code: string };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const baseName = (path: string): string => path.replace(/^.*\//, '');

function countList(counts: Map<string, number>): string {
  return [...counts.entries()]
    .sort()
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mutants = Number(flag(argv, '--mutants') ?? 300);
  const seed = Number(flag(argv, '--seed') ?? 20261202);
  const dir = mkdtempSync(join(tmpdir(), 'clean-article-fuzz-'));
  try {
    const names = writeFuzzInputs(dir, loadPages(benchDir()), mutants, seed);
    const outPath = join(dir, '..', `${dir.split('/').pop()}.jsonl`);
    const batch = await runWithPeak([dir, '-j', '2', '-q', '--page-timeout', String(PAGE_LIMIT_S)], outPath);
    const records = readFileSync(outPath, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as BatchRecord);
    rmSync(outPath, { force: true });
    const cpuStarted = performance.now();
    const cpu = await measureCpu(dir, names, PAGE_LIMIT_S * 1000);
    const cpuPassMs = performance.now() - cpuStarted;
    report({ names, mutants, seed, records, peakKb: batch.peakKb, batchSeconds: batch.seconds, cpu, cpuPassMs });
  } finally {
    // --keep leaves the inputs for a failing run to be looked at.
    if (argv.includes('--keep')) console.log(`inputs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

interface Run {
  names: string[];
  mutants: number;
  seed: number;
  records: BatchRecord[];
  peakKb: number;
  batchSeconds: number;
  cpu: CpuResult[];
  cpuPassMs: number;
}

function report(run: Run): void {
  const { names, mutants, records, cpu } = run;
  const codes = new Map<string, number>();
  for (const record of records) codes.set(record.error?.code ?? 'ok', (codes.get(record.error?.code ?? 'ok') ?? 0) + 1);
  const cpuOf = new Map(cpu.map((result) => [result.name, result]));
  const byCpu = [...cpu].sort((a, b) => b.cpuMs - a.cpuMs);
  const byWall = [...cpu].sort((a, b) => b.wallMs - a.wallMs);
  const timedOut = records.filter((record) => record.error?.code === 'E_TIMEOUT');
  console.log(`\nfuzz: ${names.length} inputs (${mutants} mutated benchmark pages, seed ${run.seed}, and ${names.length - mutants} hostile pages)`);
  console.log(`batch (-j 2, --page-timeout ${PAGE_LIMIT_S}): ${run.batchSeconds.toFixed(0)} s wall; records: ${records.length}; ${countList(codes)}`);
  console.log(`peak RSS (VmHWM of the CLI process): ${(run.peakKb / 1024).toFixed(0)} MB`);
  const total = cpu.reduce((sum, result) => sum + result.cpuMs, 0);
  console.log(`CPU pass (each page alone, one at a time): ${seconds(run.cpuPassMs)} wall, ${seconds(total)} CPU in all`);
  console.log(
    `  CPU per page: max ${seconds(byCpu[0]?.cpuMs ?? 0)} (${byCpu[0]?.name}); next ${byCpu
      .slice(1, 4)
      .map((r) => `${seconds(r.cpuMs)} ${r.name}`)
      .join(', ')}`,
  );
  console.log(`  wall per page: max ${seconds(byWall[0]?.wallMs ?? 0)} (${byWall[0]?.name})`);
  for (const record of timedOut) {
    const alone = cpuOf.get(baseName(record.source));
    console.log(
      `  E_TIMEOUT in the batch (wall clock at -j 2): ${baseName(record.source)}; alone: ${alone ? `${seconds(alone.cpuMs)} CPU, ${seconds(alone.wallMs)} wall` : 'not measured'}`,
    );
  }
  const failures = [
    records.length !== names.length ? `${records.length} records for ${names.length} inputs` : '',
    ...records.filter((record) => record.error && FAILING_CODES.has(record.error.code)).map((record) => `${record.source}: ${record.error!.code}`),
    ...cpu.filter((result) => result.cpuMs > PAGE_LIMIT_S * 1000).map((result) => `${result.name}: ${seconds(result.cpuMs)} of CPU, over ${PAGE_LIMIT_S} s`),
    ...cpu.filter((result) => result.code === null && result.cpuMs <= PAGE_LIMIT_S * 1000).map((result) => `${result.name}: not measured (${result.note})`),
    run.peakKb / 1024 >= PEAK_LIMIT_MB ? `peak RSS ${(run.peakKb / 1024).toFixed(0)} MB` : '',
    run.peakKb === 0 ? 'VmHWM was never read' : '',
  ].filter(Boolean);
  for (const failure of failures) console.error(`FUZZ FAILED: ${failure}`);
  console.log(failures.length === 0 ? 'PASS' : 'FAIL');
  if (failures.length > 0) process.exitCode = 1;
}

await main();
