// test/fetch-endpoints.test.ts
// cleanArticle() against every endpoint of the hostile test server: each gives its article or
// its error code, and does so well within its timeout (no hang). Caps and timeouts are small
// so the whole file runs in a few seconds.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanArticle, type CleanOptions, type FetchOptions } from '../src/index.js';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, JA_PARAGRAPHS, JA_TITLE, RU_PARAGRAPHS, RU_TITLE } from './helpers/article-page.js';
import { startFetchServer, startRawServer, type FetchServer } from './helpers/fetch-server.js';

/**
 * Loopback answers come at once, but a busy machine can stall any process for seconds: the default
 * deadline is far above that, and the tests about deadlines set their own against a server that
 * never answers, so no verdict depends on the machine's speed.
 */
const FAST: Partial<FetchOptions> = { timeoutMs: 60_000, maxBytes: 1024 * 1024, retries: 2, retryBaseMs: 20 };

let web: FetchServer;
let raw: FetchServer;

beforeAll(async () => {
  [web, raw] = await Promise.all([startFetchServer(), startRawServer()]);
});

afterAll(async () => {
  await Promise.all([web.close(), raw.close()]);
});

function fetchWith(path: string, fetch: Partial<FetchOptions> = {}, extra: CleanOptions = {}) {
  return cleanArticle(`${web.base}${path}`, { ...extra, fetch: { ...FAST, ...fetch } });
}

/** Runs `work` and returns how long it took, whether it resolved or rejected. */
async function timed(work: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { ms: performance.now() - started, error };
}

describe('pages', () => {
  it('a normal page', async () => {
    const article = await fetchWith('/story');
    expect(article.url).toBe(`${web.base}/story`);
    expect(article.title).toBe(ARTICLE_TITLE);
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(article.text).toContain(paragraph);
  });

  it('a page with no Content-Type is sniffed, and text/plain is read as a dump', async () => {
    expect((await fetchWith('/no-type')).title).toBe(ARTICLE_TITLE);
    expect((await fetchWith('/dump')).text).toContain('forty million euros');
  });

  it.each(['gzip', 'br', 'deflate', 'deflate-raw'])('a %s body', async (encoding) => {
    const article = await fetchWith(`/${encoding}`);
    expect(article.title).toBe(ARTICLE_TITLE);
    expect(article.text).toContain(ARTICLE_PARAGRAPHS[2]);
  });
});

describe('charsets, as browsers choose them', () => {
  it.each([
    ['windows-1251 declared only in the header', '/ru-header'],
    ['a header (windows-1251) contradicting <meta> (utf-8)', '/header-1251-meta-utf8'],
    ['a header (utf-8) contradicting <meta> (windows-1251)', '/header-utf8-meta-1251'],
    ['a UTF-8 BOM over a header saying windows-1251', '/bom-vs-header'],
    ['the WHATWG label x-cp1251', '/x-cp1251'],
  ])('%s', async (_name, path) => {
    const article = await fetchWith(path);
    expect(article.title).toBe(RU_TITLE);
    for (const paragraph of RU_PARAGRAPHS) expect(article.text).toContain(paragraph);
    expect(article.text).not.toContain('\uFFFD');
  });

  it('Shift_JIS declared only in <meta>', async () => {
    const article = await fetchWith('/ja-meta');
    expect(article.title).toBe(JA_TITLE);
    for (const paragraph of JA_PARAGRAPHS) expect(article.text).toContain(paragraph);
  });
});

describe.concurrent('limits', () => {
  // The cap, not a timer, must stop these: the deadline is a minute away, and how much of the body
  // the server had to make shows the client stopped reading near the cap (chunks of 1 MB).
  it('a decompression bomb (1 GB of zeros gzipped) stops at the cap with E_TOO_LARGE', async () => {
    const { error } = await timed(fetchWith('/bomb?cap'));
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', message: expect.stringContaining(String(FAST.maxBytes)) });
    expect(web.produced.get('/bomb?cap')).toBeLessThan(64 * 1024 * 1024);
  });

  it('a 200 MB chunked body stops at the cap while streaming', async () => {
    const { error } = await timed(fetchWith('/huge?cap'));
    expect(error).toMatchObject({ code: 'E_TOO_LARGE' });
    expect(web.produced.get('/huge?cap')).toBeLessThan(64 * 1024 * 1024);
  });

  it('a 200 MB Content-Length is refused before the body is read', async () => {
    // The server never sends that body: waiting for it would end in E_TIMEOUT, not E_TOO_LARGE.
    const { error } = await timed(fetchWith('/huge-declared'));
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', message: expect.stringContaining('Content-Length') });
  });

  // Deadlines against servers that never finish: only the timer can end these, so the verdict
  // holds at any speed. The lower bounds show the timer, not something else, ended the request.
  it('a body trickling a byte a second hits the whole-body deadline (no single gap is long)', async () => {
    const { ms, error } = await timed(fetchWith('/trickle', { timeoutMs: 2000 }));
    expect(error).toMatchObject({ code: 'E_TIMEOUT', message: expect.stringContaining('body') });
    expect(ms).toBeGreaterThanOrEqual(1900);
  });

  it('headers that never come are E_TIMEOUT', async () => {
    const { ms, error } = await timed(fetchWith('/no-headers', { timeoutMs: 1000 }));
    expect(error).toMatchObject({ code: 'E_TIMEOUT' });
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it('a status line whose headers never finish is E_TIMEOUT', async () => {
    const { ms, error } = await timed(cleanArticle(`${raw.base}/partial-headers`, { fetch: { ...FAST, timeoutMs: 1000 } }));
    expect(error).toMatchObject({ code: 'E_TIMEOUT' });
    expect(ms).toBeGreaterThanOrEqual(950);
  });
});

describe('redirects', () => {
  it('a chain of 3 is followed and the final URL goes in url', async () => {
    const article = await fetchWith('/chain/1');
    expect(article.source).toBe(`${web.base}/chain/1`);
    expect(article.url).toBe(`${web.base}/story`);
    expect(article.title).toBe(ARTICLE_TITLE);
  });

  it('a chain longer than maxRedirects is E_REDIRECT', async () => {
    await expect(fetchWith('/chain/1', { maxRedirects: 2 })).rejects.toMatchObject({ code: 'E_REDIRECT' });
  });

  it('a loop is E_REDIRECT', async () => {
    await expect(fetchWith('/loop/a')).rejects.toMatchObject({ code: 'E_REDIRECT', message: expect.stringContaining('loop') });
  });

  it('a redirect to another scheme is E_INPUT', async () => {
    await expect(fetchWith('/to-ftp')).rejects.toMatchObject({ code: 'E_INPUT', message: expect.stringContaining('ftp:') });
  });

  it.each(['ftp://127.0.0.1/story.html', 'javascript:alert(1)', 'data:text/html,<p>hi</p>'])('%s is E_INPUT', async (input) => {
    await expect(cleanArticle(input, { fetch: FAST })).rejects.toMatchObject({ code: 'E_INPUT' });
  });
});

describe.concurrent('failures and retries', () => {
  it('a 404 is E_HTTP_STATUS at once (not retried)', async () => {
    await expect(fetchWith('/missing?once')).rejects.toMatchObject({ code: 'E_HTTP_STATUS', message: 'HTTP 404' });
    expect(web.hits.get('/missing?once')).toBe(1);
  });

  it('503 and then 200 gives the article after one retry', async () => {
    const article = await fetchWith('/503-then-200?a');
    expect(article.title).toBe(ARTICLE_TITLE);
    expect(web.hits.get('/503-then-200?a')).toBe(2);
  });

  it('429 with Retry-After: 1 waits a second, then gives the article', async () => {
    const started = performance.now();
    const article = await fetchWith('/429-then-200?a', { retryBaseMs: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(article.title).toBe(ARTICLE_TITLE);
  });

  it('a 503 that never ends is E_HTTP_STATUS after retries+1 attempts', async () => {
    await expect(fetchWith('/always-503?a', { retries: 3 })).rejects.toMatchObject({
      code: 'E_HTTP_STATUS',
      message: 'HTTP 503 after 4 attempts',
    });
    expect(web.hits.get('/always-503?a')).toBe(4);
  });

  it('--retries 0 means one attempt', async () => {
    await expect(fetchWith('/always-503?b', { retries: 0 })).rejects.toMatchObject({ code: 'E_HTTP_STATUS', message: 'HTTP 503' });
    expect(web.hits.get('/always-503?b')).toBe(1);
  });

  it('a Retry-After over the cap fails at once instead of waiting an hour', async () => {
    const { ms, error } = await timed(fetchWith('/429-long?a'));
    expect(error).toMatchObject({ code: 'E_HTTP_STATUS', message: expect.stringContaining('Retry-After 3600 s') });
    // Waiting would take an hour; a minute is a hang guard no busy machine reaches.
    expect(ms).toBeLessThan(60_000);
    expect(web.hits.get('/429-long?a')).toBe(1);
  });

  it.each(['/paper', '/image'])('%s (not a page type) is E_NOT_HTML', async (path) => {
    await expect(fetchWith(path)).rejects.toMatchObject({ code: 'E_NOT_HTML' });
  });

  it('a connection reset midway through the body is retried, then E_FETCH', async () => {
    await expect(fetchWith('/reset?a')).rejects.toMatchObject({ code: 'E_FETCH', message: expect.stringContaining('after 3 attempts') });
    expect(web.hits.get('/reset?a')).toBe(3);
  });

  it('a reset once and then a good answer gives the article', async () => {
    expect((await fetchWith('/reset-then-200?a')).title).toBe(ARTICLE_TITLE);
  });

  it('a reset before any answer is retried, then E_FETCH', async () => {
    await expect(cleanArticle(`${raw.base}/reset-at-once`, { fetch: FAST })).rejects.toMatchObject({ code: 'E_FETCH' });
    expect(raw.hits.get('/reset-at-once')).toBe(3);
  });

  it('bytes that are not HTTP are E_FETCH', async () => {
    await expect(cleanArticle(`${raw.base}/garbage`, { fetch: FAST })).rejects.toMatchObject({ code: 'E_FETCH' });
  });
});

describe('request headers', () => {
  it('the default User-Agent names clean-article and its version', async () => {
    const { VERSION } = await import('../src/version.js');
    await fetchWith('/echo?ua').catch(() => undefined);
    expect(web.lastHeaders.get('/echo?ua')?.['user-agent']).toContain(`clean-article/${VERSION}`);
  });

  it('userAgent and extra headers are sent; a User-Agent header overrides userAgent', async () => {
    await fetchWith('/echo?h', { userAgent: 'test-agent/1', headers: { 'X-Token': 'abc', Accept: 'text/html' } }).catch(() => undefined);
    const sent = web.lastHeaders.get('/echo?h');
    expect(sent?.['user-agent']).toBe('test-agent/1');
    expect(sent?.['x-token']).toBe('abc');
    expect(sent?.['accept']).toBe('text/html');
    await fetchWith('/echo?o', { headers: { 'User-Agent': 'mine' } }).catch(() => undefined);
    expect(web.lastHeaders.get('/echo?o')?.['user-agent']).toBe('mine');
  });
});
