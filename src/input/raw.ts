// src/input/raw.ts
// What every input reader hands to the decoder: bytes plus what the transport said about them.

import type { WarcOrigin } from '../types.js';

export interface RawInput {
  /** The input as the user gave it (path, URL or "-"). */
  source: string;
  bytes: Buffer;
  /** The HTTP Content-Type header, when the bytes came over HTTP. */
  contentType: string | null;
  /** The page's address after redirects, when known. */
  url: string | null;
  /** Set when the bytes are a WARC record's payload. */
  warc?: WarcOrigin;
}
