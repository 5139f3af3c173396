// src/batch/protocol.ts
// The messages between the pool and its worker threads, and what a finished page is.

import type { ErrorCode } from '../errors.js';
import type { OutputFormat } from '../output/index.js';
import type { CleanOptions, WarcOrigin } from '../types.js';

/**
 * How a success record is laid out: one JSONL line, a pretty / compact JSON file, or (with -o
 * DIR and --format) a text, Markdown or HTML file.
 */
export type RecordLayout = 'line' | 'pretty' | 'compact' | 'text' | 'markdown' | 'html';

/** The layout that prints a record in --format `format` (with --compact). */
export function layoutOf(format: OutputFormat, compact: boolean): RecordLayout {
  if (format === 'jsonl') return 'line';
  if (format === 'json') return compact ? 'compact' : 'pretty';
  return format;
}

export interface PageRequest {
  id: number;
  source: string;
  bytes: Uint8Array;
  contentType: string | null;
  url: string | null;
  /** A WARC record's identity, copied into its record. */
  warc?: WarcOrigin;
  options: Pick<CleanOptions, 'explain' | 'disabledFilters' | 'favor' | 'minWords'>;
  layout: RecordLayout;
}

/** What a worker is started with. */
export interface WorkerData {
  /** Load the page handler for HTML at once rather than with the first page (src/batch/worker.ts). */
  preloadHtml: boolean;
}

/**
 * A worker's other messages: `ready` once it can take pages, then, with its first page, where
 * its page handler was loaded from (tests read it; the pool has no use for it).
 */
export type WorkerNote = { ready: true } | { loaded: 'bundle'; codeCache: 'used' | 'rejected' | 'none' } | { loaded: 'modules' };

export type PageReply = { id: number; ok: true; record: string } | { id: number; ok: false; code: ErrorCode; message: string };

/** A page's end: its rendered record, or the error that stopped it. */
export type PageOutcome = { ok: true; record: string } | { ok: false; code: ErrorCode; message: string };
