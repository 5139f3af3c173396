// src/input/retry.ts
// Runs one request again after transient failures: exponential backoff with jitter, or the
// server's own Retry-After when it sent one, up to a cap.

import { setTimeout as sleep } from 'node:timers/promises';
import { CleanError } from '../errors.js';
import { isRetryable, RetryableStatus } from './http-errors.js';

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  baseMs: number;
  /** A Retry-After above this is not waited for: the fetch fails at once. */
  maxRetryAfterMs: number;
  /** Injected so tests can pin the jitter; Math.random otherwise. */
  random?: () => number;
  /** Ends the waits between attempts (a batch's interrupt): no attempt starts after it. */
  signal?: AbortSignal | undefined;
}

/** No single backoff wait grows past this, however many retries were asked for. */
const MAX_BACKOFF_MS = 30_000;

/**
 * "Equal jitter": half the exponential delay is fixed, half random, so clients that failed
 * together do not all come back at the same instant, yet each still waits a real while.
 */
export function backoffMs(retry: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** retry);
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
}

/** The error the last attempt failed with, and how many attempts were made. */
export class RetriesExhausted extends Error {
  readonly attempts: number;

  constructor(cause: unknown, attempts: number) {
    super('retries exhausted', { cause });
    this.name = 'RetriesExhausted';
    this.attempts = attempts;
  }
}

/** Calls `attempt` until it succeeds, fails for good, or the retries run out. */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy): Promise<RetryOutcome<T>> {
  for (let retry = 0; ; retry++) {
    try {
      return { value: await attempt(), attempts: retry + 1 };
    } catch (error) {
      if (!isRetryable(error) || retry >= policy.retries || policy.signal?.aborted) throw new RetriesExhausted(error, retry + 1);
      await sleep(waitBefore(error, retry, policy), undefined, { signal: policy.signal });
    }
  }
}

function waitBefore(error: unknown, retry: number, policy: RetryPolicy): number {
  if (!(error instanceof RetryableStatus) || error.retryAfterMs === null) return backoffMs(retry, policy.baseMs, policy.random);
  // A server asking for minutes would stall a whole batch; got() gives up the same way.
  if (error.retryAfterMs > policy.maxRetryAfterMs) {
    const asked = Math.ceil(error.retryAfterMs / 1000);
    const cap = Math.ceil(policy.maxRetryAfterMs / 1000);
    const message = `HTTP ${error.status}: Retry-After ${asked} s is over the ${cap} s cap`;
    throw new RetriesExhausted(new CleanError('E_HTTP_STATUS', message), retry + 1);
  }
  return error.retryAfterMs;
}
