// src/input/url.ts
// Fetches a page over http(s): the cache first, then manual redirects (at most maxRedirects, no
// loops), each hop retried on transient failures. Proxies come from HTTP(S)_PROXY / NO_PROXY.

import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { CleanError } from '../errors.js';
import type { FetchOptions } from '../types.js';
import { attemptFetch, type AttemptResult } from './attempt.js';
import { withoutCredentials } from './credentials.js';
import { readCache, writeCache } from './cache.js';
import { mapFetchError } from './http-errors.js';
import type { RawInput } from './raw.js';
import { RetriesExhausted, withRetries } from './retry.js';

const WEB_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

export async function fetchUrlInput(source: string, options: FetchOptions): Promise<RawInput> {
  const url = parseWebUrl(source, source);
  if (options.cacheDir !== null) {
    const cached = await readCache(options.cacheDir, url);
    if (cached) return fromBytes(source, cached.bytes, cached.headers['content-type'], cached.finalUrl, options.maxBytes);
  }
  const dispatcher = createDispatcher(options);
  try {
    const { finalUrl, page } = await followRedirects(url, source, options, dispatcher);
    if (options.cacheDir !== null) {
      await writeCache(options.cacheDir, { url, finalUrl, status: page.status, headers: page.headers, bytes: page.bytes });
    }
    return fromBytes(source, page.bytes, page.headers['content-type'], finalUrl, options.maxBytes);
  } catch (error) {
    throw error instanceof CleanError ? error.withInput(source) : mapFetchError(error, source, options.timeoutMs, 1);
  } finally {
    // Our own agent per fetch: closing it ends every keep-alive socket, so nothing holds the
    // process open and no state is shared between calls.
    void dispatcher.destroy().catch(() => {});
  }
}

/**
 * The connect, headers and body timeouts are undici's and bound each stage; attempt.ts adds the
 * deadline over the whole attempt. EnvHttpProxyAgent reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY.
 */
function createDispatcher(options: FetchOptions): Dispatcher {
  return new EnvHttpProxyAgent({
    connect: { timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}

type Page = Extract<AttemptResult, { kind: 'page' }>;

/**
 * Follows redirects by hand. The user's --header values (cookies, tokens) are meant for the site
 * asked for: once a redirect leaves that origin, later hops carry only the tool's own headers, as
 * browsers and curl do, so a redirect cannot hand a session to another host or port.
 */
async function followRedirects(start: string, source: string, options: FetchOptions, dispatcher: Dispatcher): Promise<{ finalUrl: string; page: Page }> {
  const seen = new Set<string>([start]);
  const origin = new URL(start).origin;
  let current = start;
  let hopOptions = options;
  for (let redirects = 0; ; redirects++) {
    if (new URL(current).origin !== origin) hopOptions = { ...options, headers: {} };
    const result = await attemptWithRetries(current, source, hopOptions, dispatcher);
    if (result.kind === 'page') return { finalUrl: current, page: result };
    const next = parseWebUrl(new URL(result.location, current).href, source);
    if (seen.has(next)) throw new CleanError('E_REDIRECT', `redirect loop at ${next}`, source);
    if (redirects + 1 > options.maxRedirects) {
      throw new CleanError('E_REDIRECT', `more than ${options.maxRedirects} redirects`, source);
    }
    seen.add(next);
    current = next;
  }
}

async function attemptWithRetries(url: string, source: string, options: FetchOptions, dispatcher: Dispatcher): Promise<AttemptResult> {
  const policy = { retries: options.retries, baseMs: options.retryBaseMs, maxRetryAfterMs: options.maxRetryAfterMs };
  try {
    return (await withRetries(() => attemptFetch(url, options, dispatcher), policy)).value;
  } catch (error) {
    if (!(error instanceof RetriesExhausted)) throw error;
    throw mapFetchError(error.cause, source, options.timeoutMs, error.attempts);
  }
}

/** Only http and https are fetched; anything else (a redirect to ftp:, javascript:) is bad input. */
function parseWebUrl(href: string, source: string): string {
  let url: URL;
  // A redirect's Location may hold user:password@ too: it is never sent, so never printed.
  const shown = withoutCredentials(href);
  try {
    url = new URL(shown);
  } catch {
    throw new CleanError('E_INPUT', `invalid URL: ${shown}`, source);
  }
  if (!WEB_SCHEMES.has(url.protocol)) throw new CleanError('E_INPUT', `unsupported scheme "${url.protocol}" in ${shown}`, source);
  // A #fragment is never sent to the server: without it, /a#x and /a#y share one cache entry.
  url.hash = '';
  return url.href;
}

function fromBytes(source: string, bytes: Buffer, contentType: string | undefined, url: string, maxBytes: number): RawInput {
  // A cache written under a larger --max-bytes may hold a body this run must refuse.
  if (bytes.length > maxBytes) throw new CleanError('E_TOO_LARGE', `body is over the ${maxBytes}-byte cap`, source);
  return { source, bytes, contentType: contentType ?? null, url };
}
