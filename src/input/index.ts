// src/input/index.ts
// Decides what kind of input the user named (stdin, URL or file) and reads its bytes.

import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { CleanError } from '../errors.js';
import { withoutCredentials } from './credentials.js';
import type { FetchOptions } from '../types.js';
import { readFileInput } from './file.js';
import type { RawInput } from './raw.js';
import { readStreamInput } from './stdin.js';

export type { RawInput } from './raw.js';

export type InputKind = 'stdin' | 'url' | 'file';

/** Any `scheme:` prefix; a single letter is a Windows drive, not a scheme. */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

export function classifyInput(spec: string): InputKind {
  if (spec === '-') return 'stdin';
  const scheme = SCHEME.exec(spec)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return 'url';
  if (scheme === undefined || scheme === 'file') return 'file';
  throw new CleanError('E_INPUT', `unsupported scheme "${scheme}:" (only http, https and files)`, spec);
}

export async function readInput(spec: string, options: FetchOptions, stdin: Readable = process.stdin): Promise<RawInput> {
  const kind = classifyInput(spec);
  if (kind === 'stdin') return readStreamInput(stdin, options.maxBytes);
  // undici loads only when a URL is read: saved files and stdin start faster without it.
  // user:password@ is never sent, so it is dropped here and never printed.
  if (kind === 'url') return (await import('./url.js')).fetchUrlInput(withoutCredentials(spec), options);
  const path = spec.toLowerCase().startsWith('file:') ? filePath(spec) : spec;
  const raw = await readFileInput(path, options.maxBytes, options.timeoutMs);
  return { ...raw, source: spec };
}

/** fileURLToPath throws a TypeError on a remote host or an encoded "/"; that is bad input, not a bug. */
function filePath(spec: string): string {
  try {
    return fileURLToPath(spec);
  } catch (error) {
    throw new CleanError('E_INPUT', `invalid file URL: ${(error as Error).message}`, spec);
  }
}
