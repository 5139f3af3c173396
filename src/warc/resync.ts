// src/warc/resync.ts
// Finding where records start, for reading past a damaged one: in a .warc.gz each record is its
// own gzip member, so the next member header is the next candidate; in a plain WARC it is the
// next line that opens with "WARC/". A candidate is only a guess until the parser reads it.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isGzip } from '../input/gzip.js';

const GZIP_MEMBER = Buffer.from([0x1f, 0x8b, 0x08]);
const PLAIN_RECORD = Buffer.from('\nWARC/');

/** Up to `length` bytes at `position`; fewer when the file is shorter. */
export async function readSlice(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** By its first bytes, not its name: a ".warc.gz" may hold plain data and the reverse. */
export async function isGzipFile(path: string): Promise<boolean> {
  return isGzip(await readSlice(path, 0, 2));
}

/** Records end with CRLF CRLF; a few line breaks after the last record are not damage. */
export async function onlyLineBreaks(path: string, from: number, size: number): Promise<boolean> {
  if (size - from > 8) return false;
  const rest = await readSlice(path, from, size - from);
  return rest.every((byte) => byte === 0x0a || byte === 0x0d);
}

/** The first record-start candidate at or after `from`, or -1 when there is none. */
export async function findRecordStart(path: string, from: number, gzip: boolean): Promise<number> {
  const pattern = gzip ? GZIP_MEMBER : PLAIN_RECORD;
  // The pattern's first byte for plain data is the newline before "WARC/": the record starts after it.
  const lead = gzip ? 0 : 1;
  let carry = Buffer.alloc(0);
  let carryStart = from;
  const stream = createReadStream(path, { start: from, highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) {
      const window = Buffer.concat([carry, chunk as Buffer]);
      const hit = window.indexOf(pattern);
      if (hit >= 0) return carryStart + hit + lead;
      const keep = Math.min(window.length, pattern.length - 1);
      carryStart += window.length - keep;
      carry = window.subarray(window.length - keep);
    }
    return -1;
  } finally {
    stream.destroy();
  }
}
