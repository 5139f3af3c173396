// src/bench/fuzz-cpu.ts
// The fuzz run's CPU pass: every input cleaned alone, one at a time, in a child process
// (fuzz-cpu-child.ts), so each page's CPU time can be judged whatever else the machine is doing.
// A page that runs away is not waited for: this process reads the child's CPU time from
// /proc/PID/stat, and once the page in hand has used more than the limit, the child is killed,
// the page judged over the limit, and a new child goes on with the pages after it.

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { CpuLine } from './fuzz-cpu-child.js';

export interface CpuResult {
  name: string;
  cpuMs: number;
  wallMs: number;
  /** "ok" or the error code; null when the page never finished (see `note`). */
  code: string | null;
  /** Why the page has no code: over the CPU limit, or the process died on it. */
  note?: string;
}

const CHILD = new URL('./fuzz-cpu-child.js', import.meta.url).pathname;
/** The child's heap cap, the pool workers' own (WORKER_HEAP_MB): a page that needs more dies there too. */
const CHILD_HEAP_MB = 1536;
/** CPU is polled this often; a runaway page is judged at most this late. */
const POLL_MS = 250;
/** A page with no result after this long (wall) is given up even if it used little CPU: the hang guard. */
const HANG_MS = 10 * 60_000;

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** User + system CPU of a process so far, all its threads, in ms; null once it is gone. */
function processCpuMs(pid: number, ticksPerSecond: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Cleans `names` (files in `dir`) one at a time; a result for every name, in order. */
export async function measureCpu(dir: string, names: readonly string[], limitMs: number): Promise<CpuResult[]> {
  const ticks = clockTicksPerSecond();
  const results: CpuResult[] = [];
  while (results.length < names.length) results.push(...(await runChild(dir, names.slice(results.length), limitMs, ticks)));
  return results;
}

/** One child over `names`, until it finishes them or is stopped on one (which then ends its list). */
function runChild(dir: string, names: readonly string[], limitMs: number, ticks: number): Promise<CpuResult[]> {
  const results: CpuResult[] = [];
  // Results come over IPC; what the libraries print is dropped, as a pool worker's is.
  const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, CHILD, dir], { stdio: ['pipe', 'ignore', 'ignore', 'ipc'] });
  child.stdin!.end(JSON.stringify(names));
  let ready = false;
  let stopped: { note: string; cpuMs: number } | undefined;
  // Where the page in hand started, in the child's CPU and in wall time.
  let pageCpuStart = 0;
  let pageWallStart = performance.now();
  /** The child's CPU at the last poll, for a page it died on. */
  let lastCpu = 0;
  const startPage = (): void => {
    pageCpuStart = processCpuMs(child.pid!, ticks) ?? pageCpuStart;
    pageWallStart = performance.now();
  };
  const stop = (note: string, cpuMs: number): void => {
    stopped = { note, cpuMs };
    child.kill('SIGKILL');
  };
  const timer = setInterval(() => {
    const cpu = processCpuMs(child.pid!, ticks);
    if (cpu !== null) lastCpu = cpu;
    if (!ready || cpu === null || stopped) return;
    if (cpu - pageCpuStart > limitMs) stop(`over the ${limitMs / 1000} s CPU limit (stopped there)`, cpu - pageCpuStart);
    else if (performance.now() - pageWallStart > HANG_MS) stop(`no result within ${HANG_MS / 60_000} min`, cpu - pageCpuStart);
  }, POLL_MS);
  child.on('message', (message: CpuLine | { ready: true }) => {
    if ('ready' in message) ready = true;
    else results.push({ name: message.name, cpuMs: message.cpuMs, wallMs: message.wallMs, code: message.code });
    startPage();
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const unfinished = names[results.length];
      if (unfinished !== undefined) {
        const note = stopped?.note ?? `the process died (${signal ?? `exit ${code}`})`;
        results.push({
          name: unfinished,
          cpuMs: stopped?.cpuMs ?? Math.max(0, lastCpu - pageCpuStart),
          wallMs: performance.now() - pageWallStart,
          code: null,
          note,
        });
      }
      resolve(results);
    });
  });
}
