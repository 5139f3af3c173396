// src/input/url.ts
// Fetches a page over http(s) with undici: manual redirects, one deadline for the whole fetch,
// and a byte cap counted after decompression so a compressed bomb stops at the cap too.

import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { request } from 'undici';
import { CleanError } from '../errors.js';
import type { FetchOptions } from '../types.js';
import type { RawInput } from './raw.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function fetchUrlInput(source: string, options: FetchOptions): Promise<RawInput> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const seen = new Set<string>();
  let current = source;
  try {
    for (let hop = 0; ; hop++) {
      seen.add(current);
      const response = await request(current, {
        method: 'GET',
        signal: deadline,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        headers: {
          'user-agent': options.userAgent,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
      });
      const location = headerValue(response.headers, 'location');
      if (REDIRECT_STATUSES.has(response.statusCode) && location) {
        await response.body.dump();
        const next = new URL(location, current).href;
        if (seen.has(next)) throw new CleanError('E_REDIRECT', `redirect loop at ${next}`, source);
        if (hop + 1 > options.maxRedirects) {
          throw new CleanError('E_REDIRECT', `more than ${options.maxRedirects} redirects`, source);
        }
        if (!/^https?:$/.test(new URL(next).protocol)) {
          throw new CleanError('E_INPUT', `redirect to unsupported scheme: ${next}`, source);
        }
        current = next;
        continue;
      }
      if (response.statusCode >= 400) {
        await response.body.dump();
        throw new CleanError('E_HTTP_STATUS', `HTTP ${response.statusCode}`, source);
      }
      const contentType = headerValue(response.headers, 'content-type') ?? null;
      assertPageType(contentType, source);
      const encoding = headerValue(response.headers, 'content-encoding');
      const bytes = await readCapped(decompress(response.body, encoding), options.maxBytes, source);
      return { source, bytes, contentType, url: current };
    }
  } catch (error) {
    throw mapFetchError(error, source, options);
  }
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A page is HTML, XHTML or text; a server that says otherwise (PDF, image) is believed. */
function assertPageType(contentType: string | null, source: string): void {
  if (contentType === null) return;
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === '' || mime.startsWith('text/') || mime.includes('html') || mime.includes('xml')) return;
  throw new CleanError('E_NOT_HTML', `server sent ${mime}, not a page`, source);
}

function decompress(body: Readable, encoding: string | undefined): Readable {
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

async function readCapped(stream: Readable, maxBytes: number, source: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      stream.destroy();
      throw new CleanError('E_TOO_LARGE', `body is over the ${maxBytes}-byte cap`, source);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function mapFetchError(error: unknown, source: string, options: FetchOptions): CleanError {
  if (error instanceof CleanError) return error.withInput(source);
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || code.includes('TIMEOUT')) {
    return new CleanError('E_TIMEOUT', `no complete answer within ${options.timeoutMs / 1000} s`, source);
  }
  if (code === 'Z_DATA_ERROR' || code === 'ERR__ERROR_FORMAT_PADDING_1' || code.startsWith('ERR_BROTLI')) {
    return new CleanError('E_DECODE', 'broken compressed body', source);
  }
  if (err.name === 'InvalidArgumentError' || code === 'ERR_INVALID_URL') {
    return new CleanError('E_INPUT', `invalid URL: ${err.message ?? source}`, source);
  }
  const detail = code || err.message || 'network error';
  return new CleanError('E_FETCH', `cannot fetch: ${detail}`, source);
}
