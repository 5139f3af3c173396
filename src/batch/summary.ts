// src/batch/summary.ts
// Counts what a batch did and prints it as the one summary line on stderr.

import type { ErrorCode } from '../errors.js';

export interface BatchTally {
  ok: number;
  failed: Map<ErrorCode, number>;
  /** Already done before this run (--resume). */
  skipped: number;
  /** Inputs never started because the batch was interrupted. */
  notStarted: number;
  interrupted: boolean;
}

export function emptyTally(): BatchTally {
  return { ok: 0, failed: new Map(), skipped: 0, notStarted: 0, interrupted: false };
}

export function failedCount(tally: BatchTally): number {
  let total = 0;
  for (const count of tally.failed.values()) total += count;
  return total;
}

export function countFailure(tally: BatchTally, code: ErrorCode): void {
  tally.failed.set(code, (tally.failed.get(code) ?? 0) + 1);
}

/** "clean-article: 178 ok, 3 failed (E_NOT_HTML 1, E_TIMEOUT 2) in 12.4 s, 14.6 pages/s" */
export function summaryLine(tally: BatchTally, elapsedMs: number): string {
  const failed = failedCount(tally);
  const codes = [...tally.failed.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? (tally.ok + failed) / seconds : 0;
  const parts = [`${tally.ok} ok`, failed ? `${failed} failed (${codes})` : '0 failed'];
  if (tally.skipped) parts.push(`${tally.skipped} skipped (already done)`);
  if (tally.interrupted) parts.push(`interrupted, ${tally.notStarted} not started`);
  return `clean-article: ${parts.join(', ')} in ${seconds.toFixed(1)} s, ${rate.toFixed(1)} pages/s\n`;
}
