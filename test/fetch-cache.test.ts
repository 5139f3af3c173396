// test/fetch-cache.test.ts
// The --cache folder (a rerun does not fetch again and cleans the same bytes), proxies from
// HTTP_PROXY / NO_PROXY through a CONNECT proxy started here, and the backoff arithmetic.

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanArticle, type FetchOptions } from '../src/index.js';
import { parseRetryAfter } from '../src/input/http-errors.js';
import { backoffMs } from '../src/input/retry.js';
import { ARTICLE_TITLE, RU_PARAGRAPHS, RU_TITLE } from './helpers/article-page.js';
import { startFetchServer, type FetchServer } from './helpers/fetch-server.js';

const FAST: Partial<FetchOptions> = { timeoutMs: 60_000, maxBytes: 1024 * 1024, retryBaseMs: 20 };

let web: FetchServer;
let dir: string;

beforeAll(async () => {
  web = await startFetchServer();
  dir = mkdtempSync(join(tmpdir(), 'clean-article-cache-'));
});

afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

const entryPath = (cacheDir: string, url: string): string => join(cacheDir, `${createHash('sha256').update(url).digest('hex')}.response`);

describe('--cache', () => {
  it('a rerun reads the cache, not the network, and gives the same article', async () => {
    const cacheDir = join(dir, 'rerun');
    const url = `${web.base}/story?cache`;
    const first = await cleanArticle(url, { fetch: { ...FAST, cacheDir } });
    const second = await cleanArticle(url, { fetch: { ...FAST, cacheDir } });
    expect(web.hits.get('/story?cache')).toBe(1);
    expect(second).toEqual(first);
    expect(readdirSync(cacheDir)).toEqual([`${createHash('sha256').update(url).digest('hex')}.response`]);
  });

  it('keeps the final URL after redirects, the headers (charset) and the decoded bytes', async () => {
    const cacheDir = join(dir, 'meta');
    const chain = await cleanArticle(`${web.base}/chain/1?c`, { fetch: { ...FAST, cacheDir } });
    const again = await cleanArticle(`${web.base}/chain/1?c`, { fetch: { ...FAST, cacheDir } });
    expect(again.url).toBe(chain.url);
    expect(web.hits.get('/chain/1?c')).toBe(1);

    await cleanArticle(`${web.base}/ru-header?c`, { fetch: { ...FAST, cacheDir } });
    const russian = await cleanArticle(`${web.base}/ru-header?c`, { fetch: { ...FAST, cacheDir } });
    expect(web.hits.get('/ru-header?c')).toBe(1);
    expect(russian.title).toBe(RU_TITLE);
    expect(russian.text).toContain(RU_PARAGRAPHS[0]);

    await cleanArticle(`${web.base}/gzip?c`, { fetch: { ...FAST, cacheDir } });
    const file = readFileSync(entryPath(cacheDir, `${web.base}/gzip?c`));
    const newline = file.indexOf(0x0a);
    const header = JSON.parse(file.subarray(0, newline).toString()) as { finalUrl: string; status: number; headers: Record<string, string> };
    expect(header).toMatchObject({ finalUrl: `${web.base}/gzip?c`, status: 200 });
    expect(header.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(header.headers).not.toHaveProperty('content-encoding');
    expect(file.subarray(newline + 1).toString()).toContain(`<title>${ARTICLE_TITLE}`);
  });

  it('the #fragment is not part of the key', async () => {
    const cacheDir = join(dir, 'fragment');
    await cleanArticle(`${web.base}/story?frag#one`, { fetch: { ...FAST, cacheDir } });
    const again = await cleanArticle(`${web.base}/story?frag#two`, { fetch: { ...FAST, cacheDir } });
    expect(web.hits.get('/story?frag')).toBe(1);
    expect(again.url).toBe(`${web.base}/story?frag`);
  });

  it('errors are not cached', async () => {
    const cacheDir = join(dir, 'errors');
    await expect(cleanArticle(`${web.base}/missing?c`, { fetch: { ...FAST, cacheDir } })).rejects.toMatchObject({ code: 'E_HTTP_STATUS' });
    await expect(cleanArticle(`${web.base}/missing?c`, { fetch: { ...FAST, cacheDir } })).rejects.toMatchObject({ code: 'E_HTTP_STATUS' });
    expect(web.hits.get('/missing?c')).toBe(2);
  });

  it('a corrupt entry is a miss: fetched again and rewritten, with no temp files left', async () => {
    const cacheDir = join(dir, 'corrupt');
    const url = `${web.base}/story?corrupt`;
    await cleanArticle(url, { fetch: { ...FAST, cacheDir } });
    writeFileSync(entryPath(cacheDir, url), 'not a cache entry');
    expect((await cleanArticle(url, { fetch: { ...FAST, cacheDir } })).title).toBe(ARTICLE_TITLE);
    expect(web.hits.get('/story?corrupt')).toBe(2);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(entryPath(cacheDir, url)).subarray(0, 1).toString()).toBe('{');
  });

  it("a cached body over this run's --max-bytes is E_TOO_LARGE", async () => {
    const cacheDir = join(dir, 'cap');
    const url = `${web.base}/story?cap`;
    await cleanArticle(url, { fetch: { ...FAST, cacheDir } });
    await expect(cleanArticle(url, { fetch: { ...FAST, cacheDir, maxBytes: 100 } })).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
  });

  it('a cache path that is a file is E_INPUT', async () => {
    const cacheDir = join(dir, 'plain-file');
    writeFileSync(cacheDir, 'x');
    await expect(cleanArticle(`${web.base}/story?file`, { fetch: { ...FAST, cacheDir } })).rejects.toMatchObject({
      code: 'E_INPUT',
      message: expect.stringContaining('cache'),
    });
  });
});

describe('proxies from the environment', () => {
  let proxy: Server;
  let proxyUrl: string;
  const tunnels: string[] = [];

  beforeAll(async () => {
    // A CONNECT proxy, which is how undici's ProxyAgent reaches http and https origins alike.
    proxy = createServer();
    proxy.on('connect', (req, client, head) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    tunnels.length = 0;
  });

  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('HTTP_PROXY routes the fetch through the proxy', async () => {
    for (const name of ['http_proxy', 'https_proxy', 'no_proxy', 'NO_PROXY', 'HTTPS_PROXY']) vi.stubEnv(name, undefined);
    vi.stubEnv('HTTP_PROXY', proxyUrl);
    expect((await cleanArticle(`${web.base}/story?proxied`, { fetch: FAST })).title).toBe(ARTICLE_TITLE);
    expect(tunnels).toEqual([new URL(web.base).host]);
  });

  it('NO_PROXY bypasses it', async () => {
    for (const name of ['http_proxy', 'https_proxy', 'no_proxy', 'HTTPS_PROXY']) vi.stubEnv(name, undefined);
    vi.stubEnv('HTTP_PROXY', proxyUrl);
    vi.stubEnv('NO_PROXY', '127.0.0.1');
    expect((await cleanArticle(`${web.base}/story?direct`, { fetch: FAST })).title).toBe(ARTICLE_TITLE);
    expect(tunnels).toEqual([]);
  });
});

describe('backoff and Retry-After', () => {
  it.each([0, 1, 2, 3])('retry %i waits between half and all of base * 2^n', (retry) => {
    const full = 100 * 2 ** retry;
    expect(backoffMs(retry, 100, () => 0)).toBe(full / 2);
    expect(backoffMs(retry, 100, () => 1)).toBe(full);
  });

  it('a single wait never passes 30 s', () => {
    expect(backoffMs(20, 500, () => 1)).toBe(30_000);
  });

  it('Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2024-03-04T09:30:00Z');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter('Mon, 04 Mar 2024 09:30:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 04 Mar 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
