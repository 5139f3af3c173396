// src/batch/progress.ts
// The progress bar on a terminal stderr (cli-progress): inputs done of all inputs, pages/s,
// failures and ETA. Nothing at all when stderr is not a terminal or with --quiet, so logs and
// pipes stay clean. Rate and ETA count only work done in this run: inputs skipped by --resume
// finish at once and would make both look better than they are.

import { SingleBar } from 'cli-progress';

export interface ProgressState {
  /** Inputs finished in any way: a page, an error, skipped, or a whole WARC file. */
  inputsDone: number;
  /** Of those, the ones --resume skipped. */
  skipped: number;
  /** Pages cleaned or failed in this run (WARC records included). */
  pages: number;
  failed: number;
  /** Whether WARC files are among the inputs: then their records are shown as they come. */
  warc: boolean;
}

export interface Progress {
  update(state: ProgressState): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };
/** Shown for the ETA until one input has been done in this run: before that there is no rate. */
const UNKNOWN_ETA = '…';

/** What the bar shows besides its value: pages/s, failures, WARC records, ETA. */
export function progressFields(state: ProgressState, total: number, seconds: number): { rate: string; failed: number; records: string; eta: string } {
  const worked = state.inputsDone - state.skipped;
  const left = total - state.inputsDone;
  let eta = UNKNOWN_ETA;
  if (left === 0) eta = '0s';
  else if (worked > 0 && seconds > 0) eta = formatSeconds((left * seconds) / worked);
  return {
    rate: seconds > 0 ? (state.pages / seconds).toFixed(1) : '0.0',
    failed: state.failed,
    records: state.warc ? ` | ${state.pages} pages` : '',
    eta,
  };
}

function formatSeconds(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number, quiet: boolean): Progress {
  if (quiet || !stream.isTTY) return SILENT;
  const started = performance.now();
  const bar = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: ' {bar} {value}/{total} inputs{records} | {rate} pages/s | {failed} failed | ETA {eta}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, progressFields({ inputsDone: 0, skipped: 0, pages: 0, failed: 0, warc: false }, total, 0));
  return {
    update(state) {
      bar.update(state.inputsDone, progressFields(state, total, (performance.now() - started) / 1000));
    },
    stop() {
      bar.stop();
    },
  };
}
