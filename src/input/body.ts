// src/input/body.ts
// Reads a response body through its Content-Encoding decoders, counting bytes as they come, so
// neither a huge body nor a small compressed bomb is ever held in memory past the cap.

import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { CleanError } from '../errors.js';

/** Undoes each Content-Encoding step, last applied first ("gzip, br" was gzipped, then brotli'd). */
export function decompress(body: Readable, encoding: string | undefined): Readable {
  const decoders = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((step) => step.trim())
    .filter((step) => step !== '' && step !== 'identity')
    .reverse()
    .map(decoderFor);
  // pipeline(), not .pipe(): when the deadline aborts the body mid-stream, the error must reach
  // the decoder we read from, or the read waits forever on a stream that will never end.
  return decoders.reduce<Readable>((stream, decoder) => pipeline(stream, decoder, () => {}), body);
}

function decoderFor(step: string): Transform {
  if (step === 'gzip' || step === 'x-gzip') return createGunzip();
  if (step === 'deflate') return createInflate();
  if (step === 'br') return createBrotliDecompress();
  throw new CleanError('E_DECODE', `unsupported content-encoding: ${step}`);
}

/** Collects a stream, destroying it the moment it passes `maxBytes` (decoded bytes). */
export async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new CleanError('E_TOO_LARGE', `body is over the ${maxBytes}-byte cap`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}
