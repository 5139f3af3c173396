// src/warc/records.ts
// Streams a WARC file (plain or gzipped, one member a record) record by record with warcio, and
// turns each record into a page to clean, a skip (with its reason) or an error. A record that is
// cut off or corrupt costs one error item: reading goes on from the next record start found
// after it (a gzip member header, or a "WARC/" line), and only when none is left does the rest of
// the file become that one error. The file is never read whole.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { WARCParser, type WARCRecord } from 'warcio';
import { CleanError, type ErrorCode } from '../errors.js';
import { isPageType } from '../input/attempt.js';
import type { WarcOrigin } from '../types.js';
import { findRecordStart, isGzipFile, onlyLineBreaks } from './resync.js';
import { decodeStoredBody } from './payload.js';

/** Why a record holds no page to clean; the summary counts each. */
export type SkipReason = 'not a response' | 'revisit' | 'not 200' | 'not HTML';

export type WarcItem =
  | { kind: 'page'; offset: number; bytes: Buffer; contentType: string | null; warc: WarcOrigin }
  | { kind: 'skip'; offset: number; reason: SkipReason }
  | { kind: 'error'; offset: number; code: ErrorCode; message: string };

/** What one parser run over part of the file saw: where its last good record ended. */
interface Run {
  end: number;
  good: number;
}

export async function* readWarcFile(path: string, maxBytes: number): AsyncGenerator<WarcItem> {
  const size = (await stat(path)).size;
  if (size === 0) {
    yield { kind: 'error', offset: 0, code: 'E_WARC', message: 'empty file: no WARC records' };
    return;
  }
  const gzip = await isGzipFile(path);
  let start = 0;
  let inBadRegion = false;
  for (;;) {
    const run: Run = { end: start, good: 0 };
    yield* readRun(path, start, maxBytes, run);
    if (run.good > 0) inBadRegion = false;
    if (run.end >= size || (await onlyLineBreaks(path, run.end, size))) return;
    if (!inBadRegion) {
      const message = `unreadable WARC data from byte ${run.end} on: a truncated or corrupt record, or not a WARC file`;
      yield { kind: 'error', offset: run.end, code: 'E_WARC', message };
      inBadRegion = true;
    }
    const next = await findRecordStart(path, Math.max(run.end, start) + 1, gzip);
    if (next < 0) return;
    start = next;
  }
}

/** Parses from `start` until the data ends or stops looking like WARC records. */
async function* readRun(path: string, start: number, maxBytes: number, run: Run): AsyncGenerator<WarcItem> {
  const stream = createReadStream(path, { start });
  const parser = new WARCParser(stream);
  try {
    for await (const record of parser) {
      if (!record.warcHeaders.statusline.startsWith('WARC/')) return;
      const offset = start + parser.offset;
      const { item, cutOff } = await readRecord(record, offset, maxBytes);
      yield item;
      run.end = start + parser.offset + parser.recordLength;
      run.good++;
      // The data ended inside this record, so nothing follows it; and warcio, asked for the next
      // record, would wait for the missing bytes for ever.
      if (cutOff) return;
    }
  } catch {
    // warcio gave up inside a record: the caller resumes at the next record start it can find.
  } finally {
    stream.destroy();
  }
}

interface RecordRead {
  item: WarcItem;
  /** The file ended before the record's Content-Length did. */
  cutOff: boolean;
}

/** Every record's block is read to its end here (warcio's own skipping never ends on a cut-off record). */
async function readRecord(record: WARCRecord, offset: number, maxBytes: number): Promise<RecordRead> {
  const skip = skipReason(record);
  const body = await readBlock(record, skip ? 0 : maxBytes);
  if (body.cutOff) return { item: { kind: 'error', offset, code: 'E_WARC', message: 'record cut off: the file ends before its Content-Length' }, cutOff: true };
  if (skip) return { item: { kind: 'skip', offset, reason: skip }, cutOff: false };
  if (body.bytes === null)
    return { item: { kind: 'error', offset, code: 'E_TOO_LARGE', message: `stored body is over the ${maxBytes}-byte cap` }, cutOff: false };
  return { item: await pageItem(record, offset, body.bytes, maxBytes), cutOff: false };
}

async function pageItem(record: WARCRecord, offset: number, raw: Buffer, maxBytes: number): Promise<WarcItem> {
  const headers = record.httpHeaders!.headers;
  const header = (name: string): string | null => headers.get(name) ?? null;
  try {
    const bytes = await decodeStoredBody(raw, { transferEncoding: header('transfer-encoding'), contentEncoding: header('content-encoding') }, maxBytes);
    return { kind: 'page', offset, bytes, contentType: header('content-type'), warc: originOf(record) };
  } catch (error) {
    const clean = error instanceof CleanError ? error : new CleanError('E_DECODE', (error as Error).message);
    return { kind: 'error', offset, code: clean.code, message: clean.message };
  }
}

function skipReason(record: WARCRecord): SkipReason | null {
  if (record.warcType === 'revisit') return 'revisit';
  if (record.warcType !== 'response' || !record.httpHeaders) return 'not a response';
  if (Number(record.httpHeaders.statusCode) !== 200) return 'not 200';
  return isPageType(record.httpHeaders.headers.get('content-type')) ? null : 'not HTML';
}

/** warcio's record reader is a LimitReader; `limit` is what it still expected when the data ran out. */
interface LimitedReader extends AsyncIterable<Uint8Array> {
  limit?: number;
}

/**
 * Reads the record's block to its end, keeping at most `keep` bytes of it: null bytes when it is
 * longer (or when nothing is to be kept, for skipped records).
 */
async function readBlock(record: WARCRecord, keep: number): Promise<{ bytes: Buffer | null; cutOff: boolean }> {
  const reader = record.reader as LimitedReader;
  let chunks: Buffer[] | null = keep > 0 ? [] : null;
  let total = 0;
  for await (const chunk of reader) {
    total += chunk.byteLength;
    if (total > keep) chunks = null;
    chunks?.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  const cutOff = (reader.limit ?? 0) > 0;
  return { bytes: chunks ? Buffer.concat(chunks, total) : null, cutOff };
}

function originOf(record: WARCRecord): WarcOrigin {
  return { recordId: record.warcHeader('WARC-Record-ID') ?? null, date: record.warcDate ?? null, targetUri: record.warcTargetURI ?? null };
}
