// src/input/cache.ts
// The --cache folder: one file per URL (named by the SHA-256 of the URL) holding a JSON header
// line (final URL, status, headers, time) and then the body bytes. A single file per entry means
// one atomic rename publishes it whole, so a crash or a parallel run never leaves half an entry.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CleanError } from '../errors.js';

const FORMAT_VERSION = 1;
const NEWLINE = 0x0a;

/**
 * Headers that no longer describe the stored bytes (they are kept decoded), that belong to one
 * connection, or that are private to the client (cookies).
 */
const DROPPED_HEADERS: ReadonlySet<string> = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'set-cookie']);

export interface CachedResponse {
  /** The URL as requested: the cache key. */
  url: string;
  /** Where the redirects ended. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  fetchedAt: string;
  /** The body after Content-Encoding was undone: the bytes the pipeline reads. */
  bytes: Buffer;
}

type CacheHeader = Omit<CachedResponse, 'bytes'> & { v: number };

export function cacheKey(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

export function cachePath(dir: string, url: string): string {
  return join(dir, `${cacheKey(url)}.response`);
}

/** The stored response, or null on a miss; an unreadable or foreign entry counts as a miss. */
export async function readCache(dir: string, url: string): Promise<CachedResponse | null> {
  let file: Buffer;
  try {
    file = await readFile(cachePath(dir, url));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CleanError('E_INPUT', `cannot read the cache: ${describe(error)}`);
  }
  const end = file.indexOf(NEWLINE);
  if (end < 0) return null;
  let header: CacheHeader;
  try {
    header = JSON.parse(file.subarray(0, end).toString('utf8')) as CacheHeader;
  } catch {
    return null;
  }
  if (header.v !== FORMAT_VERSION || header.url !== url) return null;
  const { v: _version, ...meta } = header;
  return { ...meta, bytes: file.subarray(end + 1) };
}

/** Writes to a temporary name in the same folder, then renames: readers see all or nothing. */
export async function writeCache(dir: string, entry: Omit<CachedResponse, 'fetchedAt'>): Promise<void> {
  const headers = Object.fromEntries(Object.entries(entry.headers).filter(([name]) => !DROPPED_HEADERS.has(name)));
  const header: CacheHeader = {
    v: FORMAT_VERSION,
    url: entry.url,
    finalUrl: entry.finalUrl,
    status: entry.status,
    headers,
    fetchedAt: new Date().toISOString(),
  };
  const target = cachePath(dir, entry.url);
  const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), entry.bytes]));
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CleanError('E_INPUT', `cannot write the cache: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  return err.code ? `${err.code} ${err.path ?? ''}`.trim() : err.message;
}
