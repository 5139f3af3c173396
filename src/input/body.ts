// src/input/body.ts
// Reads a response body through its Content-Encoding decoders, counting bytes as they come, so
// neither a huge body nor a small compressed bomb is ever held in memory past the cap.

import { once } from 'node:events';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { CleanError } from '../errors.js';

/** Undoes each Content-Encoding step, last applied first ("gzip, br" was gzipped, then brotli'd). */
export async function decompress(body: Readable, encoding: string | undefined): Promise<Readable> {
  const steps = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((step) => step.trim())
    .filter((step) => step !== '' && step !== 'identity')
    .reverse();
  const rawDeflate = steps[0] === 'deflate' && !isZlibWrapped(await peek(body));
  const decoders = steps.map((step, index) => (index === 0 && rawDeflate ? createInflateRaw() : decoderFor(step)));
  // pipeline(), not .pipe(): when the deadline aborts the body mid-stream, the error must reach
  // the decoder we read from, or the read waits forever on a stream that will never end.
  return decoders.reduce<Readable>((stream, decoder) => pipeline(stream, decoder, () => {}), body);
}

/**
 * "deflate" means zlib-wrapped data, but some servers send bare deflate, and browsers read both.
 * The first two bytes tell them apart: a zlib header is method 8 with a check that divides by 31.
 */
function isZlibWrapped(head: Buffer | null): boolean {
  if (head === null || head.length < 2) return true;
  const [cmf = 0, flg = 0] = head;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

/** The body's first chunk, put back so the decoder still reads it; null on an empty body. */
async function peek(body: Readable): Promise<Buffer | null> {
  await once(body, 'readable');
  const chunk = body.read() as Buffer | null;
  if (chunk !== null) body.unshift(chunk);
  return chunk;
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
