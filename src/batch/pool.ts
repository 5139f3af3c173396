// src/batch/pool.ts
// A pool of worker threads that clean pages. One bad page costs one record, never the batch:
// a page over the time limit is ended with E_TIMEOUT (terminate() stops even a synchronous loop),
// a worker that crashes or runs out of memory is replaced and its page reported as E_WORKER, and
// each worker is replaced after `recycleAfter` pages because jsdom keeps heap it never frees.

import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../errors.js';
import type { PageOutcome, PageReply, PageRequest, WorkerData, WorkerNote } from './protocol.js';

export interface PoolOptions {
  size: number;
  pageTimeoutMs: number;
  recycleAfter: number;
  /** The V8 old-space cap of each worker: a page that needs more ends as E_WORKER, not a dead process. */
  maxOldGenerationMb: number;
  /** Workers load the HTML page handler as they start, not with their first page (the default). */
  preloadHtml?: boolean;
}

/** Resolves with null when the pool was closed before the page finished. */
type Settle = (outcome: PageOutcome | null) => void;

interface Task {
  request: PageRequest;
  settle: Settle;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  pages: number;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Its successor was started ahead of time, so retiring it must not start another. */
  succeeded: boolean;
}

/** Workers that die before they are ready this many times in a row mean a broken install. */
const MAX_FAILED_STARTS = 3;
/**
 * A recycled worker's successor starts this many pages before it retires: loading jsdom takes
 * ~0.5 s, which then overlaps with the last pages instead of stalling the pool.
 */
const SUCCESSOR_LEAD_PAGES = 5;

function defaultWorkerUrl(): URL {
  // Under a TypeScript test runner this module is src/batch/pool.ts and a worker thread cannot
  // load the .ts sibling, so it runs the built one.
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/batch/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
}

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private closed = false;
  private failedStarts = 0;
  /** Set when no worker can start; every page then fails with it instead of waiting. */
  private broken: PageOutcome | undefined;

  constructor(
    private readonly options: PoolOptions,
    private readonly workerUrl: URL = defaultWorkerUrl(),
  ) {
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  run(request: PageRequest): Promise<PageOutcome | null> {
    if (this.broken) return Promise.resolve(this.broken);
    if (this.closed) return Promise.resolve(null);
    return new Promise((settle) => {
      this.queue.push({ request, settle });
      this.pump();
    });
  }

  /** Terminates every worker; pages still running or queued settle with null. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.settle(null);
    const exits = [...this.slots].map((slot) => {
      this.retire(slot);
      slot.task?.settle(null);
      slot.task = undefined;
      return slot.worker.terminate();
    });
    await Promise.all(exits);
  }

  /**
   * The process's flags, less those a worker refuses: under `node --input-type=module -e` every
   * worker died at start, and V8 flags (`node --max-old-space-size=4096`, `--expose-gc`) made
   * every page E_INTERNAL. V8 flags hold for the whole process anyway.
   */
  private execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));

  private startWorker(): Worker {
    const start = (): Worker =>
      new Worker(this.workerUrl, {
        resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationMb },
        workerData: { preloadHtml: this.options.preloadHtml ?? false } satisfies WorkerData,
        execArgv: this.execArgv,
        // A worker's console output must never reach the JSONL on stdout.
        stdout: true,
      });
    try {
      return start();
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
      // "Initiated Worker with invalid execArgv flags: --a, --b": those go (all, if unreadable).
      const refused = /flags: (.+)$/.exec((error as Error).message)?.[1]?.split(', ') ?? this.execArgv;
      this.execArgv = this.execArgv.filter((flag) => !refused.includes(flag));
      return start();
    }
  }

  private spawn(): void {
    const worker = this.startWorker();
    worker.stdout.resume();
    const slot: Slot = { worker, ready: false, dead: false, pages: 0, task: undefined, timer: undefined, succeeded: false };
    this.slots.add(slot);
    worker.on('message', (message: PageReply | WorkerNote) => this.onMessage(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      const oom = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(slot, 'E_WORKER', oom ? 'the worker ran out of memory on this page' : `the worker crashed: ${error.message}`);
    });
    worker.on('exit', (code) => this.fail(slot, 'E_WORKER', `the worker exited with code ${code}`));
  }

  private onMessage(slot: Slot, message: PageReply | WorkerNote): void {
    if (slot.dead || 'loaded' in message) return;
    if ('ready' in message) {
      slot.ready = true;
      this.failedStarts = 0;
      this.pump();
      return;
    }
    const task = slot.task;
    if (!task || task.request.id !== message.id) return;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.pages++;
    const { id: _id, ...outcome } = message;
    task.settle(outcome);
    if (slot.pages >= this.options.recycleAfter) this.replace(slot);
    else if (slot.pages >= this.options.recycleAfter - SUCCESSOR_LEAD_PAGES && !slot.succeeded && !this.closed) {
      slot.succeeded = true;
      this.spawn();
    }
    this.pump();
  }

  /** Ends a slot's page with an error, replaces its worker, and carries on. */
  private fail(slot: Slot, code: ErrorCode, message: string): void {
    if (slot.dead) return;
    if (!slot.ready && !slot.task) this.failedStarts++;
    const task = slot.task;
    slot.task = undefined;
    this.replace(slot);
    task?.settle({ ok: false, code, message });
    if (this.failedStarts >= MAX_FAILED_STARTS) this.giveUp(message);
    this.pump();
  }

  private retire(slot: Slot): void {
    slot.dead = true;
    clearTimeout(slot.timer);
    this.slots.delete(slot);
  }

  private replace(slot: Slot): void {
    this.retire(slot);
    void slot.worker.terminate();
    if (!this.closed && !slot.succeeded && this.failedStarts < MAX_FAILED_STARTS) this.spawn();
  }

  /** No worker can start: every queued page fails rather than waiting forever. */
  private giveUp(reason: string): void {
    this.broken = { ok: false, code: 'E_WORKER', message: `no worker could start: ${reason}` };
    for (const task of this.queue.splice(0)) task.settle(this.broken);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.dead || !slot.ready || slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(
        () => this.fail(slot, 'E_TIMEOUT', `the page took longer than the ${this.options.pageTimeoutMs / 1000} s page limit`),
        this.options.pageTimeoutMs,
      );
      slot.worker.postMessage(task.request);
    }
  }
}
