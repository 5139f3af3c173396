// src/cli/fetch-options.ts
// Parsers for the fetch flags (--retries, --header…) and the mapping from parsed flags to the
// library's FetchOptions, shared by single-input and batch runs.

import { InvalidArgumentError } from 'commander';
import type { FetchOptions } from '../types.js';

/** An RFC 9110 token: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function nonNegativeInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return number;
}

/** Collects repeated `--header "Name: value"` flags; a later one with the same name wins. */
export function collectHeader(value: string, previous: unknown): Record<string, string> {
  const colon = value.indexOf(':');
  const name = value.slice(0, colon).trim();
  if (colon < 0 || !HEADER_NAME.test(name)) throw new InvalidArgumentError('must look like "Name: value"');
  // A line break in a value would smuggle a second header into the request.
  const text = value.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(text)) throw new InvalidArgumentError('a header value cannot hold line breaks');
  const headers = typeof previous === 'object' && previous !== null ? (previous as Record<string, string>) : {};
  return { ...headers, [name]: text };
}

/** The flags as commander hands them over (seconds, strings), before conversion. */
export interface FetchFlags {
  timeout: number;
  maxBytes: number;
  retries: number;
  userAgent: string;
  header?: Record<string, string>;
  cache?: string;
}

export function fetchOptionsFrom(flags: FetchFlags): Partial<FetchOptions> {
  return {
    timeoutMs: flags.timeout * 1000,
    maxBytes: Math.floor(flags.maxBytes),
    retries: flags.retries,
    userAgent: flags.userAgent,
    headers: flags.header ?? {},
    cacheDir: flags.cache ?? null,
  };
}
