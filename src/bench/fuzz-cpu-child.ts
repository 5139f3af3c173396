// src/bench/fuzz-cpu-child.ts
// The fuzz run's CPU pass, in a process of its own (started by fuzz-cpu.ts): reads each named page
// and cleans it exactly as a pool worker does (readInput, then the worker's handlePage), one page
// at a time and nothing else running here, and sends (over IPC: a library may print to stdout, as
// it may in a worker, whose stdout the pool discards) one message a page with the CPU time the
// process spent on it (process.cpuUsage: user + system, V8's GC helper threads included) and its
// wall time. CPU time, unlike the batch's wall-clock E_TIMEOUT, hardly moves when other jobs
// share the machine.
//
// Usage: node dist/bench/fuzz-cpu-child.js DIR < names.json (a JSON array of file names in DIR)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handlePage } from '../batch/page-handler.js';
import { CleanError, toCleanError } from '../errors.js';
import { readInput } from '../input/index.js';
import { resolveFetchOptions } from '../input/limits.js';

export interface CpuLine {
  name: string;
  cpuMs: number;
  wallMs: number;
  /** "ok" or the page's error code. */
  code: string;
}

const WARM_UP_PAGE = `<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>${'<p>The ferry crossed the harbour twice an hour in the summer, and the old pier was rebuilt.</p>'.repeat(8)}</article></body></html>`;

async function cleanOne(path: string): Promise<string> {
  try {
    const raw = await readInput(path, resolveFetchOptions({}));
    const reply = await handlePage({ id: 0, source: path, bytes: raw.bytes, contentType: raw.contentType, url: raw.url, options: {}, layout: 'line' });
    return reply === null ? 'E_WORKER' : reply.ok ? 'ok' : reply.code;
  } catch (error) {
    return (error instanceof CleanError ? error : toCleanError(error)).code;
  }
}

/** Resolves once the message is handed over, so the parent knows where each page starts. */
function send(message: CpuLine | { ready: true }): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, undefined, undefined, (error) => (error ? reject(error) : resolve())));
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: fuzz-cpu-child.js DIR < names.json');
  const names = JSON.parse(readFileSync(0, 'utf8')) as string[];
  // The pipeline is loaded (and warmed on a small page) first, so its load time is no page's.
  await handlePage({ id: 0, source: 'warm-up', bytes: Buffer.from(WARM_UP_PAGE), contentType: null, url: null, options: {}, layout: 'line' });
  await send({ ready: true });
  for (const name of names) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const code = await cleanOne(join(dir, name));
    const cpu = process.cpuUsage(cpuBefore);
    const line: CpuLine = { name, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallBefore, code };
    await send(line);
  }
}

await main();
