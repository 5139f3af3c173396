// src/input/file.ts
// Reads a saved page from disk, refusing directories and files over the byte cap. A pipe
// (<(curl …), a FIFO) has no size to check first, so it is streamed under the same cap as stdin
// and within --timeout (pipe.ts); a device or a socket holds no page and is refused.

import { open, stat } from 'node:fs/promises';
import { CleanError } from '../errors.js';
import { gunzipCapped, isGzip } from './gzip.js';
import { DEFAULT_FETCH_OPTIONS } from './limits.js';
import { readPipeInput } from './pipe.js';
import type { RawInput } from './raw.js';

export async function readFileInput(path: string, maxBytes: number, timeoutMs = DEFAULT_FETCH_OPTIONS.timeoutMs): Promise<RawInput> {
  // stat before open: opening a FIFO waits for its writer, and a socket cannot be opened at all.
  const kind = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new CleanError('E_INPUT', describeFsError(error), path);
  });
  if (kind.isSocket()) throw new CleanError('E_INPUT', 'is a socket, not a file', path);
  if (kind.isFIFO()) return readPipeInput(path, maxBytes, timeoutMs);
  // /dev/zero never ends and a terminal's read blocks a thread until someone types: no device
  // holds a saved page.
  if (kind.isCharacterDevice() || kind.isBlockDevice()) throw new CleanError('E_INPUT', 'is a device, not a file', path);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new CleanError('E_INPUT', describeFsError(error as NodeJS.ErrnoException), path);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new CleanError('E_INPUT', 'is a directory', path);
    if (info.size > maxBytes) {
      throw new CleanError('E_TOO_LARGE', `file is ${info.size} bytes, over the ${maxBytes}-byte cap`, path);
    }
    const bytes = await handle.readFile();
    const body = isGzip(bytes) ? gunzipCapped(bytes, maxBytes) : bytes;
    return { source: path, bytes: body, contentType: null, url: null };
  } catch (error) {
    if (error instanceof CleanError) throw error.withInput(path);
    throw new CleanError('E_INPUT', describeFsError(error as NodeJS.ErrnoException), path);
  } finally {
    await handle.close();
  }
}

function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read file (${error.code ?? error.message})`;
  }
}
