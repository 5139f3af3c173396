// src/input/gzip.ts
// Saved pages are often gzipped (.html.gz); we recognise them by their magic bytes, not their name.

import { gunzipSync } from 'node:zlib';
import { CleanError } from '../errors.js';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1;
}

/** Gunzips with the same byte cap as any other body, so a small bomb cannot fill memory. */
export function gunzipCapped(bytes: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new CleanError('E_TOO_LARGE', `gzip body is over the ${maxBytes}-byte cap`);
    }
    throw new CleanError('E_DECODE', `broken gzip data: ${(error as Error).message}`);
  }
}
