// src/input/attempt.ts
// One HTTP request and its whole body, under one deadline: the unit that redirects step through
// and retries repeat. It answers with a redirect or a page, and throws on anything else.

import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import { CleanError } from '../errors.js';
import type { FetchOptions } from '../types.js';
import { decompress, readCapped } from './body.js';
import { AttemptFailure, parseRetryAfter, RETRY_STATUSES, RetryableStatus } from './http-errors.js';

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** What we will clean: HTML, XHTML and plain-text dumps. A missing type is left to byte sniffing. */
const PAGE_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

/** The media type of a Content-Type header, lower case; '' when there is none. */
export function mediaType(contentType: string | null | undefined): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** True when a Content-Type names a page we read, or names nothing (the bytes are sniffed). */
export function isPageType(contentType: string | null | undefined): boolean {
  const mime = mediaType(contentType);
  return mime === '' || PAGE_TYPES.has(mime);
}

export type Headers = Record<string, string>;

export type AttemptResult = { kind: 'redirect'; location: string } | { kind: 'page'; status: number; headers: Headers; bytes: Buffer };

export function requestHeaders(options: FetchOptions): Headers {
  const headers: Headers = {
    'user-agent': options.userAgent,
    accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  // User headers last, lower-cased, so "--header 'User-Agent: x'" replaces ours instead of doubling it.
  for (const [name, value] of Object.entries(options.headers)) headers[name.toLowerCase()] = value;
  return headers;
}

export async function attemptFetch(url: string, options: FetchOptions, dispatcher: Dispatcher, stop?: AbortSignal): Promise<AttemptResult> {
  // One deadline for the whole attempt: undici's headers and body timeouts only bound the gaps
  // between packets, so a server trickling a byte a second would never trip them. The caller's
  // stop (a batch's interrupt) ends the attempt too, body included.
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const deadline = stop ? AbortSignal.any([timeout, stop]) : timeout;
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, { method: 'GET', dispatcher, signal: deadline, headers: requestHeaders(options) });
  } catch (error) {
    throw new AttemptFailure('response', error);
  }
  const { statusCode: status, body } = response;
  const headers = flattenHeaders(response.headers);
  const location = REDIRECT_STATUSES.has(status) ? headers['location'] : undefined;
  try {
    if (location === undefined) assertPage(status, headers, options.maxBytes);
  } catch (error) {
    discard(body);
    throw error;
  }
  // A redirect's body is never read: destroying it frees us from waiting on it.
  if (location !== undefined) {
    discard(body);
    return { kind: 'redirect', location };
  }
  try {
    const bytes = await readCapped(await decompress(body, headers['content-encoding']), options.maxBytes);
    return { kind: 'page', status, headers, bytes };
  } catch (error) {
    discard(body);
    throw error instanceof CleanError ? error : new AttemptFailure('body', error);
  }
}

/** undici's body emits an AbortError when destroyed early; nobody is reading it, so it is expected. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/** Throws unless the response is a page we will read: a 2xx, of a page type, not declared too big. */
function assertPage(status: number, headers: Headers, maxBytes: number): void {
  if (RETRY_STATUSES.has(status)) throw new RetryableStatus(status, parseRetryAfter(headers['retry-after']));
  if (status < 200 || status >= 300) throw new CleanError('E_HTTP_STATUS', `HTTP ${status}`);
  const type = headers['content-type'];
  if (!isPageType(type)) throw new CleanError('E_NOT_HTML', `server sent ${mediaType(type)}, not a page`);
  // Only an uncompressed length can be judged up front; a compressed body is counted as it inflates.
  const length = Number(headers['content-length']);
  const encoded = (headers['content-encoding'] ?? 'identity').trim().toLowerCase() !== 'identity';
  if (!encoded && Number.isFinite(length) && length > maxBytes) {
    throw new CleanError('E_TOO_LARGE', `Content-Length ${length} is over the ${maxBytes}-byte cap`);
  }
}

/** undici gives repeated headers as arrays; the first value is the one we act on. */
function flattenHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name.toLowerCase()] = first;
  }
  return headers;
}
