// src/warc/payload.ts
// A WARC response record stores the HTTP body as it came over the wire: maybe chunked, maybe
// gzipped. This undoes both, with the same byte cap as a fetched page, so a stored bomb is
// refused exactly as a served one would be.

import { Readable } from 'node:stream';
import { decompress, readCapped } from '../input/body.js';

const CRLF = Buffer.from('\r\n');

/**
 * Undoes `Transfer-Encoding: chunked`. Framing that does not parse is left as it is, as browsers
 * and archive players do: some crawlers store the body already de-chunked but keep the header.
 */
export function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf(CRLF, at);
    if (lineEnd < 0) return body;
    const sizeText = body.subarray(at, lineEnd).toString('latin1').split(';')[0]?.trim() ?? '';
    if (!/^[0-9a-f]+$/i.test(sizeText)) return body;
    const size = Number.parseInt(sizeText, 16);
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > body.length) return parts.length > 0 ? Buffer.concat([...parts, body.subarray(start)]) : body;
    parts.push(body.subarray(start, start + size));
    at = start + size + 2;
  }
  return Buffer.concat(parts);
}

function isChunked(transferEncoding: string | null): boolean {
  return (transferEncoding ?? '')
    .toLowerCase()
    .split(',')
    .some((step) => step.trim() === 'chunked');
}

/** The page bytes of a stored HTTP body: de-chunked, then decoded, never past `maxBytes`. */
export async function decodeStoredBody(
  raw: Buffer,
  headers: { transferEncoding: string | null; contentEncoding: string | null },
  maxBytes: number,
): Promise<Buffer> {
  const body = isChunked(headers.transferEncoding) ? dechunk(raw) : raw;
  const encoding = headers.contentEncoding ?? undefined;
  if (encoding === undefined || encoding.trim() === '' || encoding.trim().toLowerCase() === 'identity') return body;
  return readCapped(await decompress(Readable.from([body]), encoding), maxBytes);
}
