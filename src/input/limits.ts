// src/input/limits.ts
// Default limits shared by every reader, so a file, stdin and a URL are capped alike.

import type { FetchOptions } from '../types.js';

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'clean-article/0.1 (+https://www.npmjs.com/package/clean-article)',
};

export function resolveFetchOptions(partial: Partial<FetchOptions> | undefined): FetchOptions {
  return { ...DEFAULT_FETCH_OPTIONS, ...partial };
}
