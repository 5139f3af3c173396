// src/tools/make-warc-fixtures.ts
// `npm run build && node dist/tools/make-warc-fixtures.js` regenerates fixtures/warc/: a site on
// loopback recorded by a real crawler (Debian's wget, `--warc-file`), one WARC written with
// warcio's own serializer, and damaged copies (a cut-off last record, a corrupt gzip member in the
// middle, an empty file, plain HTML named .warc.gz). Needs wget on the PATH; not part of npm test.

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import { sitePages } from './warc-pages.js';

const OUT = join('fixtures', 'warc');

function serve(): Promise<Server> {
  const pages = new Map(sitePages().map((page) => [page.path, page]));
  const server = createServer((request, response) => {
    const page = pages.get(request.url ?? '') ?? pages.get('/missing.html')!;
    const headers = page.chunked ? page.headers : { ...page.headers, 'content-length': String(page.body.length) };
    response.writeHead(page.status, headers);
    if (!page.chunked) return response.end(page.body);
    // Three writes with no length: Node sends them as chunks, and wget stores the chunked framing.
    const third = Math.ceil(page.body.length / 3);
    response.write(page.body.subarray(0, third));
    response.write(page.body.subarray(third, 2 * third));
    response.end(page.body.subarray(2 * third));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function recordWithWget(base: string): Promise<void> {
  const urls = ['/ferry.html', '/radwege.html', '/biblioteka.html', '/birds.html', '/report.pdf', '/old-ferry', '/missing.html'].map((path) => base + path);
  const warc = join(OUT, 'wget-site');
  // Asynchronously: the server answering wget runs on this same event loop. wget exits 8 when a
  // URL answers 404; the WARC is complete all the same.
  const child = spawn('wget', ['--warc-file', warc, '--no-verbose', '--tries=1', '-O', '/dev/null', ...urls], { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0 && code !== 8) throw new Error(`wget exited with ${code}`);
}

async function writeWithWarcio(): Promise<void> {
  const page = sitePages()[0]!;
  const date = '2026-12-01T10:00:00Z';
  const url = 'https://news.example/ferry.html';
  const body = (bytes: Buffer) =>
    (async function* () {
      yield new Uint8Array(bytes);
    })();
  const records = [
    WARCRecord.createWARCInfo({ filename: 'library.warc', warcVersion: 'WARC/1.1' }, { software: 'warcio (clean-article fixtures)' }),
    WARCRecord.create(
      { url, date, type: 'request', warcVersion: 'WARC/1.1', statusline: 'GET /ferry.html HTTP/1.1', httpHeaders: { host: 'news.example' } },
      body(Buffer.alloc(0)),
    ),
    WARCRecord.create({ url, date, type: 'response', warcVersion: 'WARC/1.1', httpHeaders: page.headers }, body(page.body)),
    WARCRecord.create(
      { url, date: '2026-12-02T10:00:00Z', type: 'revisit', warcVersion: 'WARC/1.1', refersToUrl: url, refersToDate: date, httpHeaders: page.headers },
      body(Buffer.alloc(0)),
    ),
    WARCRecord.create(
      { url: 'https://news.example/logo.png', date, type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'content-type': 'image/png' } },
      body(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    ),
  ];
  const parts: Uint8Array[] = [];
  for (const record of records) parts.push(await WARCSerializer.serialize(record));
  await writeFile(join(OUT, 'library.warc'), Buffer.concat(parts));
}

/** Byte offset and length of each record, by WARC-Type and target URI. */
async function recordSpans(path: string): Promise<Array<{ type: string; uri: string; offset: number; length: number }>> {
  const parser = new WARCParser(createReadStream(path));
  const spans = [];
  for await (const record of parser) {
    await record.readFully(false);
    spans.push({ type: record.warcType ?? '', uri: record.warcTargetURI ?? '', offset: parser.offset, length: parser.recordLength });
  }
  return spans;
}

async function writeDamaged(): Promise<void> {
  const gz = await readFile(join(OUT, 'wget-site.warc.gz'));
  const spans = await recordSpans(join(OUT, 'wget-site.warc.gz'));
  const last = spans.at(-1)!;
  await writeFile(join(OUT, 'truncated-last.warc.gz'), gz.subarray(0, last.offset + Math.floor(last.length / 2)));
  // Garbles the deflate data in the middle of the gzipped German page's member.
  const german = spans.find((span) => span.type === 'response' && span.uri.endsWith('/radwege.html'))!;
  const corrupt = Buffer.from(gz);
  for (let at = german.offset + 40; at < german.offset + 120; at++) corrupt[at] = corrupt[at]! ^ 0x5a;
  await writeFile(join(OUT, 'corrupt-middle.warc.gz'), corrupt);
  const plain = await readFile(join(OUT, 'library.warc'));
  const plainSpans = await recordSpans(join(OUT, 'library.warc'));
  const response = plainSpans.find((span) => span.type === 'response')!;
  await writeFile(join(OUT, 'truncated.warc'), plain.subarray(0, response.offset + Math.floor(response.length / 2)));
  await writeFile(join(OUT, 'empty.warc'), '');
  await writeFile(join(OUT, 'really-html.warc.gz'), sitePages()[0]!.body);
}

async function main(): Promise<void> {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const server = await serve();
  try {
    await recordWithWget(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
  await writeWithWarcio();
  await writeDamaged();
  process.stderr.write(`fixtures/warc: ${execFileSync('ls', [OUT]).toString().split('\n').filter(Boolean).join(', ')}\n`);
}

await main();
