// src/input/http-errors.ts
// Turns what undici, zlib and the network throw into CleanErrors, and says which failures are
// worth another attempt (a reset connection, a 429 or a 502/503/504) and which are final.

import { CleanError } from '../errors.js';

/** Statuses a server sends when it is overloaded or restarting: the same request may well work later. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** A connection the server (or something in between) cut: transient, so retried. */
const RESET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Where an attempt was when it failed, so a timeout can say what never came. */
export type FetchPhase = 'response' | 'body';

/** A retryable HTTP status; it becomes E_HTTP_STATUS only when the retries run out. */
export class RetryableStatus extends Error {
  readonly status: number;
  /** The server's Retry-After, in milliseconds, when it sent one we could read. */
  readonly retryAfterMs: number | null;

  constructor(status: number, retryAfterMs: number | null) {
    super(`HTTP ${status}`);
    this.name = 'RetryableStatus';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** A network failure tagged with the phase it happened in; mapped to a CleanError at the end. */
export class AttemptFailure extends Error {
  readonly phase: FetchPhase;

  constructor(phase: FetchPhase, cause: unknown) {
    super('fetch attempt failed', { cause });
    this.name = 'AttemptFailure';
    this.phase = phase;
  }
}

interface NetworkError {
  name?: string;
  code?: string;
  message?: string;
  cause?: { code?: string };
}

function codeOf(error: unknown): string {
  const err = (error ?? {}) as NetworkError;
  return err.code ?? err.cause?.code ?? '';
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof RetryableStatus) return true;
  return error instanceof AttemptFailure && RESET_CODES.has(codeOf(error.cause));
}

/** Parses Retry-After: delay-seconds or an HTTP date. Null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The one error a failed fetch ends in, after any retries. */
export function mapFetchError(error: unknown, source: string, timeoutMs: number, attempts: number): CleanError {
  if (error instanceof CleanError) return error.withInput(source);
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  if (error instanceof RetryableStatus) return new CleanError('E_HTTP_STATUS', `HTTP ${error.status}${tries}`, source);
  const phase = error instanceof AttemptFailure ? error.phase : 'response';
  const cause = error instanceof AttemptFailure ? error.cause : error;
  const err = (cause ?? {}) as NetworkError;
  const code = codeOf(cause);
  const seconds = timeoutMs / 1000;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new CleanError('E_TIMEOUT', `could not connect within ${seconds} s`, source);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new CleanError('E_TIMEOUT', `no response headers within ${seconds} s`, source);
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || code.includes('TIMEOUT')) {
    const what = phase === 'body' ? 'the body did not arrive in full' : 'no response';
    return new CleanError('E_TIMEOUT', `${what} within ${seconds} s`, source);
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code.startsWith('ERR__ERROR') || code.startsWith('ERR_BROTLI')) {
    return new CleanError('E_DECODE', 'broken compressed body', source);
  }
  if (code === 'ERR_INVALID_URL') return new CleanError('E_INPUT', `invalid URL: ${err.message ?? source}`, source);
  // undici refuses a bad header name or value (from --header) before sending anything.
  if (err.name === 'InvalidArgumentError') return new CleanError('E_INPUT', `invalid request: ${err.message ?? ''}`, source);
  const where = phase === 'body' ? ' while reading the body' : '';
  return new CleanError('E_FETCH', `cannot fetch: ${code || err.message || 'network error'}${where}${tries}`, source);
}
