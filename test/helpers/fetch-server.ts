// test/helpers/fetch-server.ts
// A hostile-web test server on 127.0.0.1 (port 0): normal pages, legacy charsets, compressed
// bodies, a gzip bomb and a 200 MB body made lazily, trickles, stalls, resets, redirects and
// flaky statuses. Each test file starts its own and stops it; nothing is shared between files.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { Readable, pipeline } from 'node:stream';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { JA_PARAGRAPHS, JA_TITLE, RU_PARAGRAPHS, RU_TITLE, articleHtml, plainPage } from './article-page.js';

const MB = 1024 * 1024;
export const BOMB_BYTES = 1024 * MB;
export const HUGE_BYTES = 200 * MB;

/** Bytes each lazy body has made so far, by request URL: how far a client read before it stopped. */
type Produced = Map<string, number>;
type Handler = (req: IncomingMessage, res: ServerResponse, hit: number, produced: Produced) => void;

const PAGE = Buffer.from(articleHtml());

function send(status: number, headers: Record<string, string>, body: Buffer | string = ''): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

const html = (body: Buffer | string, extra: Record<string, string> = {}): Handler => send(200, { 'content-type': 'text/html; charset=utf-8', ...extra }, body);

const redirect = (location: string, status = 302): Handler => send(status, { location, 'content-type': 'text/html' }, 'moved');

/** Serves `first` on the first request to this path, the page afterwards. */
const thenPage =
  (first: Handler): Handler =>
  (req, res, hit, produced) =>
    (hit === 1 ? first : html(PAGE))(req, res, hit, produced);

/** Yields `total` bytes of `fill` in 1 MB chunks, made one at a time as the reader asks. */
function* lazyBytes(total: number, fill: number, count: (bytes: number) => void): Generator<Buffer> {
  const chunk = Buffer.alloc(MB, fill);
  for (let sent = 0; sent < total; sent += MB) {
    count(MB);
    yield chunk;
  }
}

const counter = (req: IncomingMessage, produced: Produced) => (bytes: number) => {
  const url = req.url ?? '/';
  produced.set(url, (produced.get(url) ?? 0) + bytes);
};

/** Streams a generator into the response; the generator stops as soon as the client goes away. */
function stream(res: ServerResponse, source: Readable): void {
  pipeline(source, res, () => {});
}

/** RST the connection: what a crashing proxy or a killed server does to a client mid-body. */
function reset(res: ServerResponse): void {
  (res.socket as Socket | null)?.resetAndDestroy();
}

const ROUTES: Record<string, Handler> = {
  '/story': html(PAGE),
  '/no-type': send(200, {}, PAGE),
  '/dump': send(
    200,
    { 'content-type': 'text/plain; charset=utf-8' },
    'Harbour bridge reopens\n\nThe old harbour bridge reopened to traffic on Monday morning after two years of repairs that cost the city more than forty million euros.\n',
  ),
  '/ru-header': send(200, { 'content-type': 'text/html; charset=windows-1251' }, iconv.encode(plainPage(RU_TITLE, RU_PARAGRAPHS), 'windows-1251')),
  '/ja-meta': send(200, { 'content-type': 'text/html' }, iconv.encode(plainPage(JA_TITLE, JA_PARAGRAPHS, 'Shift_JIS'), 'shift_jis')),
  // Header true, <meta> false, in both directions: the header wins either way.
  '/header-1251-meta-utf8': send(
    200,
    { 'content-type': 'text/html; charset=windows-1251' },
    iconv.encode(plainPage(RU_TITLE, RU_PARAGRAPHS, 'utf-8'), 'windows-1251'),
  ),
  '/header-utf8-meta-1251': send(200, { 'content-type': 'text/html; charset=utf-8' }, plainPage(RU_TITLE, RU_PARAGRAPHS, 'windows-1251')),
  // A BOM beats a header that lies.
  '/bom-vs-header': send(
    200,
    { 'content-type': 'text/html; charset=windows-1251' },
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plainPage(RU_TITLE, RU_PARAGRAPHS))]),
  ),
  // A WHATWG label iconv-lite does not know under this name.
  '/x-cp1251': send(200, { 'content-type': 'text/html; charset=x-cp1251' }, iconv.encode(plainPage(RU_TITLE, RU_PARAGRAPHS), 'windows-1251')),
  '/gzip': html(gzipSync(PAGE), { 'content-encoding': 'gzip' }),
  '/br': html(brotliCompressSync(PAGE), { 'content-encoding': 'br' }),
  '/deflate': html(deflateSync(PAGE), { 'content-encoding': 'deflate' }),
  // Bare deflate without the zlib header: wrong, but common, and browsers read it.
  '/deflate-raw': html(deflateRawSync(PAGE), { 'content-encoding': 'deflate' }),
  // 1 GB of zeros, gzipped on the fly (about 1 MB on the wire); only what the client reads is made.
  '/bomb': (req, res, _hit, produced) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    stream(res, Readable.from(lazyBytes(BOMB_BYTES, 0, counter(req, produced))).pipe(createGzip({ level: 1 })));
  },
  // 200 MB of spaces, chunked (no Content-Length), so only counting while streaming can stop it.
  '/huge': (req, res, _hit, produced) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    stream(res, Readable.from(lazyBytes(HUGE_BYTES, 0x20, counter(req, produced))));
  },
  // A declared 200 MB body that never comes: a client that waited for it would time out, so only
  // refusing it from the header gives E_TOO_LARGE.
  '/huge-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(HUGE_BYTES) });
    res.flushHeaders();
  },
  // Headers at once, then one byte a second: no gap is long, but the body never ends in time.
  '/trickle': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    let at = 0;
    const timer = setInterval(() => res.write(PAGE.subarray(at, ++at)), 1000);
    res.on('close', () => clearInterval(timer));
  },
  '/no-headers': () => {},
  '/chain/1': redirect('/chain/2', 301),
  '/chain/2': redirect('/chain/3', 302),
  '/chain/3': redirect('/story', 307),
  '/loop/a': redirect('/loop/b'),
  '/loop/b': redirect('/loop/a'),
  '/to-ftp': redirect('ftp://127.0.0.1/story.html'),
  '/missing': send(404, { 'content-type': 'text/html' }, '<h1>Not found</h1>'),
  '/503-then-200': thenPage(send(503, { 'content-type': 'text/html' }, 'busy')),
  '/429-then-200': thenPage(send(429, { 'content-type': 'text/html', 'retry-after': '1' }, 'slow down')),
  '/always-503': send(503, { 'content-type': 'text/html' }, 'busy'),
  '/429-long': send(429, { 'content-type': 'text/html', 'retry-after': '3600' }, 'come back in an hour'),
  '/paper': send(200, { 'content-type': 'application/pdf' }, Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', 'latin1')),
  '/image': send(200, { 'content-type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  // Half the page, then a TCP reset.
  '/reset': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(PAGE.length) });
    res.write(PAGE.subarray(0, PAGE.length >> 1), () => setTimeout(() => reset(res), 20));
  },
  '/reset-then-200': thenPage((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(PAGE.length) });
    res.write(PAGE.subarray(0, 100), () => setTimeout(() => reset(res), 20));
  }),
  // Redirects to the URL in ?to= (another server, for the cross-origin header tests).
  '/bounce': (req, res, hit, produced) => redirect(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('to') ?? '/story')(req, res, hit, produced),
  '/echo': (req, res) => html(`<title>${req.headers['user-agent'] ?? ''}</title>`)(req, res, 0, new Map()),
};

export interface FetchServer {
  base: string;
  /** How many requests each path (with its query) has had. */
  hits: Map<string, number>;
  /** Bytes each lazy body (the bomb, the huge body) made, by request URL. */
  produced: Produced;
  /** The headers of the last request to each path. */
  lastHeaders: Map<string, IncomingMessage['headers']>;
  close(): Promise<void>;
}

export async function startFetchServer(): Promise<FetchServer> {
  const hits = new Map<string, number>();
  const lastHeaders = new Map<string, IncomingMessage['headers']>();
  const produced: Produced = new Map();
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const hit = (hits.get(url) ?? 0) + 1;
    hits.set(url, hit);
    lastHeaders.set(url, req.headers);
    const path = url.split('?')[0] ?? '/';
    (ROUTES[path] ?? send(404, { 'content-type': 'text/plain' }, 'no route'))(req, res, hit, produced);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    produced,
    lastHeaders,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Every endpoint path, for list runs. */
export const FETCH_PATHS: readonly string[] = Object.keys(ROUTES);

/**
 * Raw TCP tricks node:http will not play: a status line with headers that never finish, a
 * reset before any answer, and bytes that are not HTTP at all. Routed by the request line.
 */
export async function startRawServer(): Promise<FetchServer> {
  const hits = new Map<string, number>();
  const server = createNetServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', (data) => {
      const path = /^GET (\S+)/.exec(data.toString('latin1'))?.[1] ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/partial-headers') socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n');
      else if (path === '/reset-at-once') socket.resetAndDestroy();
      else socket.end('NOT HTTP AT ALL\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    produced: new Map(),
    lastHeaders: new Map(),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
