// src/input/stdin.ts
// Reads a whole piped page from a stream (stdin by default; tests pass their own).

import { addAbortSignal, type Readable } from 'node:stream';
import { CleanError } from '../errors.js';
import { gunzipCapped, isGzip } from './gzip.js';
import type { RawInput } from './raw.js';

/** `signal` destroys the stream mid-read (a batch's interrupt), so the read rejects at once. */
export async function readStreamInput(stream: Readable, maxBytes: number, source = '-', signal?: AbortSignal): Promise<RawInput> {
  if (signal) addAbortSignal(signal, stream);
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
