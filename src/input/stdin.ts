// src/input/stdin.ts
// Reads a whole piped page from a stream (stdin by default; tests pass their own).

import type { Readable } from 'node:stream';
import { CleanError } from '../errors.js';
import { gunzipCapped, isGzip } from './gzip.js';
import type { RawInput } from './raw.js';

export async function readStreamInput(stream: Readable, maxBytes: number, source = '-'): Promise<RawInput> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new CleanError('E_TOO_LARGE', `input is over the ${maxBytes}-byte cap`, source);
    }
    chunks.push(buffer);
  }
  const bytes = Buffer.concat(chunks);
  const body = isGzip(bytes) ? gunzipCapped(bytes, maxBytes) : bytes;
  return { source, bytes: body, contentType: null, url: null };
}
