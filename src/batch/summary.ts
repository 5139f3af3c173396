// src/batch/summary.ts
// Counts what a batch did and prints it as the one summary line on stderr.

import type { ErrorCode } from '../errors.js';

export interface BatchTally {
  ok: number;
  failed: Map<ErrorCode, number>;
  /** Already done before this run (--resume). */
  skipped: number;
  /** Files in the folders walked that have no page ending (see --ext). */
  filesSkipped: number;
  /** Inputs never started because the batch was interrupted. */
  notStarted: number;
  /** Pages the interrupt ended while they ran: no record, so --resume redoes them. */
  cutShort: number;
  interrupted: boolean;
  /** WARC records that hold no page to clean, by why (request, revisit, not 200, not HTML). */
  warcSkipped: Map<string, number>;
  /** Set when the output failed (a full disk, a read-only folder): the batch stopped there. */
  outputBroken?: string;
  /** The reader of stdout closed the pipe (`| head`): no more output at all, on stderr either. */
  readerGone?: boolean;
  /** WARC files the interrupt stopped part way (with -o their output is not published). */
  warcUnfinished: number;
}

export function emptyTally(): BatchTally {
  return { ok: 0, failed: new Map(), skipped: 0, filesSkipped: 0, notStarted: 0, cutShort: 0, interrupted: false, warcSkipped: new Map(), warcUnfinished: 0 };
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
  const codes = countList(tally.failed);
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? (tally.ok + failed) / seconds : 0;
  const parts = [`${tally.ok} ok`, failed ? `${failed} failed (${codes})` : '0 failed'];
  if (tally.skipped) parts.push(`${tally.skipped} skipped (already done)`);
  if (tally.filesSkipped) parts.push(`${tally.filesSkipped} file${tally.filesSkipped > 1 ? 's' : ''} skipped (no page ending; see --ext)`);
  const warcSkipped = [...tally.warcSkipped.values()].reduce((sum, count) => sum + count, 0);
  if (warcSkipped) parts.push(`${warcSkipped} WARC records skipped (${countList(tally.warcSkipped)})`);
  if (tally.interrupted) parts.push(`interrupted: ${tally.cutShort} stopped part way, ${tally.notStarted} not started`);
  if (tally.warcUnfinished) parts.push(`${tally.warcUnfinished} WARC file${tally.warcUnfinished > 1 ? 's' : ''} unfinished`);
  return `clean-article: ${parts.join(', ')} in ${seconds.toFixed(1)} s, ${rate.toFixed(1)} pages/s\n`;
}

/** "E_NOT_HTML 1, E_TIMEOUT 2": a count map in name order. */
function countList(counts: ReadonlyMap<string, number>): string {
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}
