// src/batch/progress.ts
// The progress bar on a terminal stderr (cli-progress): done/total, pages/s, failures and ETA.
// Nothing at all when stderr is not a terminal or with --quiet, so logs and pipes stay clean.

import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, failed: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number, quiet: boolean): Progress {
  if (quiet || !stream.isTTY) return SILENT;
  const started = performance.now();
  const bar = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: ' {bar} {value}/{total} | {rate} pages/s | {failed} failed | ETA {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  bar.start(total, 0, { rate: '0.0', failed: 0 });
  return {
    update(done, failed) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(1) : '0.0', failed });
    },
    stop() {
      bar.stop();
    },
  };
}
