// test/url.test.ts
// cleanArticle() on http URLs served by a local node:http server (127.0.0.1, port 0): compressed
// bodies, redirects, status and content-type errors, and charsets declared in different places.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanArticle, type CleanOptions } from '../src/index.js';
import { withoutCredentials } from '../src/input/credentials.js';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, JA_PARAGRAPHS, JA_TITLE, RU_PARAGRAPHS, RU_TITLE, articleHtml, plainPage } from './helpers/article-page.js';

const OPTIONS: CleanOptions = { fetch: { timeoutMs: 60_000 } };

const PAGE = Buffer.from(articleHtml());

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function send(status: number, headers: Record<string, string>, body: Buffer | string = ''): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

function redirect(status: number, location: string): Handler {
  return send(status, { location, 'content-type': 'text/html' }, `<a href="${location}">moved</a>`);
}

const ROUTES: Record<string, Handler> = {
  '/story': send(200, { 'content-type': 'text/html; charset=utf-8' }, PAGE),
  '/gzip': send(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }, gzipSync(PAGE)),
  '/br': send(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }, brotliCompressSync(PAGE)),
  '/gzip-bomb': send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(Buffer.concat([PAGE, Buffer.alloc(2 * 1024 * 1024, 0x20)]))),
  '/gzip-broken': send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, Buffer.from('not gzip at all, sorry')),
  // Headers and the start of a body, then silence: only the deadline can end these.
  '/stall-plain': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write(PAGE.subarray(0, 300));
  },
  '/stall-gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.write(gzipSync(Buffer.concat([PAGE, Buffer.alloc(256 * 1024, 0x20)])).subarray(0, 300));
  },
  // Three hops, with a relative Location and three different redirect statuses.
  '/chain/1': redirect(301, '/chain/2'),
  '/chain/2': redirect(302, '/chain/3'),
  '/chain/3': redirect(307, '/story'),
  '/loop/a': redirect(302, '/loop/b'),
  '/loop/b': redirect(302, '/loop/a'),
  '/missing': send(404, { 'content-type': 'text/html' }, '<html><body><h1>Not found</h1></body></html>'),
  '/paper': send(200, { 'content-type': 'application/pdf' }, Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', 'latin1')),
  '/ru-header': send(200, { 'content-type': 'text/html; charset=windows-1251' }, iconv.encode(plainPage(RU_TITLE, RU_PARAGRAPHS), 'windows-1251')),
  '/ja-meta': send(200, { 'content-type': 'text/html' }, iconv.encode(plainPage(JA_TITLE, JA_PARAGRAPHS, 'Shift_JIS'), 'shift_jis')),
  // The header says windows-1251 (true), the page's <meta> says utf-8 (false): the header wins.
  '/ru-contradiction': send(
    200,
    { 'content-type': 'text/html; charset=windows-1251' },
    iconv.encode(plainPage(RU_TITLE, RU_PARAGRAPHS, 'utf-8'), 'windows-1251'),
  ),
};

let server: Server;
let base: string;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  // /hops/N redirects N times; /hops/0 serves the story itself.
  const hops = /^\/hops\/(\d+)$/.exec(path);
  if (hops) {
    const left = Number(hops[1]);
    (left === 0 ? ROUTES['/story']! : redirect(302, `/hops/${left - 1}`))(req, res);
    return;
  }
  (ROUTES[path] ?? send(404, { 'content-type': 'text/plain' }, 'no route'))(req, res);
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('cleanArticle on a URL', () => {
  it('cleans a normal page and reports its URL', async () => {
    const article = await cleanArticle(`${base}/story`, OPTIONS);
    expect(article.source).toBe(`${base}/story`);
    expect(article.url).toBe(`${base}/story`);
    expect(article.title).toBe(ARTICLE_TITLE);
    expect(article.text).toContain(ARTICLE_PARAGRAPHS[0]);
    expect(article.text).toContain(ARTICLE_PARAGRAPHS[3]);
  });

  it.each(['gzip', 'br'])('decodes a %s body (Content-Encoding)', async (encoding) => {
    const article = await cleanArticle(`${base}/${encoding}`, OPTIONS);
    expect(article.title).toBe(ARTICLE_TITLE);
    expect(article.text).toContain(ARTICLE_PARAGRAPHS[1]);
  });

  it('caps a gzip body after decompression (E_TOO_LARGE)', async () => {
    await expect(cleanArticle(`${base}/gzip-bomb`, { fetch: { timeoutMs: 60_000, maxBytes: 64 * 1024 } })).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
      input: `${base}/gzip-bomb`,
    });
  });

  it('a body that is not the gzip it claims to be is E_DECODE', async () => {
    await expect(cleanArticle(`${base}/gzip-broken`, OPTIONS)).rejects.toMatchObject({ code: 'E_DECODE' });
  });

  it.each(['plain', 'gzip'])('a %s body that stalls mid-stream ends in E_TIMEOUT', async (kind) => {
    await expect(cleanArticle(`${base}/stall-${kind}`, { fetch: { timeoutMs: 1000 } })).rejects.toMatchObject({
      code: 'E_TIMEOUT',
      input: `${base}/stall-${kind}`,
    });
  });

  it('follows a chain of 3 redirects and reports the final URL in url', async () => {
    const article = await cleanArticle(`${base}/chain/1`, OPTIONS);
    expect(article.url).toBe(`${base}/story`);
    expect(article.source).toBe(`${base}/chain/1`);
    expect(article.title).toBe(ARTICLE_TITLE);
  });

  it('the final URL after redirects wins over a --url hint', async () => {
    const article = await cleanArticle(`${base}/chain/2`, { ...OPTIONS, url: 'https://news.example.com/bridge' });
    expect(article.url).toBe(`${base}/story`);
  });

  it('a redirect loop is E_REDIRECT', async () => {
    await expect(cleanArticle(`${base}/loop/a`, OPTIONS)).rejects.toMatchObject({
      code: 'E_REDIRECT',
      message: expect.stringContaining('loop'),
      input: `${base}/loop/a`,
    });
  });

  it('exactly 5 redirects are followed', async () => {
    // /hops/5 -> /hops/4 -> ... -> /hops/0, which serves the page: five redirects.
    const article = await cleanArticle(`${base}/hops/5`, OPTIONS);
    expect(article.url).toBe(`${base}/hops/0`);
    expect(article.title).toBe(ARTICLE_TITLE);
  });

  it('more than 5 redirects is E_REDIRECT', async () => {
    await expect(cleanArticle(`${base}/hops/6`, OPTIONS)).rejects.toMatchObject({
      code: 'E_REDIRECT',
      message: expect.stringContaining('5'),
    });
  });

  it('maxRedirects is an option', async () => {
    await expect(cleanArticle(`${base}/chain/1`, { fetch: { timeoutMs: 60_000, maxRedirects: 2 } })).rejects.toMatchObject({
      code: 'E_REDIRECT',
    });
  });

  it('a 404 is E_HTTP_STATUS with 404 in the message', async () => {
    await expect(cleanArticle(`${base}/missing`, OPTIONS)).rejects.toMatchObject({
      name: 'CleanError',
      code: 'E_HTTP_STATUS',
      message: expect.stringContaining('404'),
      input: `${base}/missing`,
    });
  });

  it('a PDF Content-Type is E_NOT_HTML', async () => {
    await expect(cleanArticle(`${base}/paper`, OPTIONS)).rejects.toMatchObject({
      code: 'E_NOT_HTML',
      message: expect.stringContaining('application/pdf'),
    });
  });
});

describe('charsets over HTTP', () => {
  it('windows-1251 declared only in the Content-Type header', async () => {
    const article = await cleanArticle(`${base}/ru-header`, OPTIONS);
    expect(article.title).toBe(RU_TITLE);
    for (const paragraph of RU_PARAGRAPHS) expect(article.text).toContain(paragraph);
    expect(article.text).not.toContain('\uFFFD');
  });

  it('Shift_JIS declared only in <meta>', async () => {
    const article = await cleanArticle(`${base}/ja-meta`, OPTIONS);
    expect(article.title).toBe(JA_TITLE);
    for (const paragraph of JA_PARAGRAPHS) expect(article.text).toContain(paragraph);
    expect(article.text).not.toContain('\uFFFD');
  });

  it('a header charset contradicting <meta> wins', async () => {
    const article = await cleanArticle(`${base}/ru-contradiction`, OPTIONS);
    expect(article.title).toBe(RU_TITLE);
    expect(article.text).toContain(RU_PARAGRAPHS[0]);
    expect(article.text).not.toContain('\uFFFD');
  });
});

// Issue 13.1: user:password@ is never sent, so it must never be printed either.
describe('withoutCredentials', () => {
  it.each([
    ['http://user:pass@example.com/a?b#c', 'http://example.com/a?b#c'],
    ['https://TOKEN@example.com:8443/x', 'https://example.com:8443/x'],
    ['http://a@b@example.com/', 'http://example.com/'],
    ['http://user:pass@[bad/x', 'http://[bad/x'],
    ['ftp://user:pass@example.com/f', 'ftp://example.com/f'],
    ['https://example.com/p?next=http://u:p@x/', 'https://example.com/p?next=http://u:p@x/'],
    ['saved/user@host.html', 'saved/user@host.html'],
    ['-', '-'],
  ])('%s -> %s', (given, shown) => {
    expect(withoutCredentials(given)).toBe(shown);
  });
});
