// src/bench/rss.ts
// Resident memory of a process and all its descendants, read from /proc (Linux), for the batch
// memory benchmark. Worker threads share their process's RSS; child processes are added.

import { readdirSync, readFileSync } from 'node:fs';

/** A kB field of /proc/PID/status (VmRSS, VmHWM...); 0 once the process has ended. */
export function statusKb(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? 0);
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function rssKb(pid: number): number {
  return statusKb(pid, 'VmRSS');
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

export function rssOfTreeKb(pid: number): number {
  return rssKb(pid) + childrenOf(pid).reduce((sum, child) => sum + rssOfTreeKb(child), 0);
}
