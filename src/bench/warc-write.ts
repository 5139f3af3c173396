// src/bench/warc-write.ts
// Writes plain (uncompressed) WARC/1.1 files for the WARC benchmarks, record by record, straight
// to a file descriptor, so a 1 GB archive is generated without holding it in memory. Only what
// the benchmarks need: response records (with their HTTP head) and request records.

import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

export interface ResponseRecord {
  uri: string;
  status: number;
  contentType: string;
  body: Buffer;
}

export class WarcFileWriter {
  private readonly fd: number;
  /** Bytes written so far: the offset of the next record. */
  offset = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Writes a response record; returns its byte offset in the file. */
  response(record: ResponseRecord): number {
    const reason = record.status === 200 ? 'OK' : 'Not Found';
    const head = `HTTP/1.1 ${record.status} ${reason}\r\nContent-Type: ${record.contentType}\r\nContent-Length: ${record.body.length}\r\n\r\n`;
    return this.record('response', record.uri, 'application/http; msgtype=response', [Buffer.from(head, 'latin1'), record.body]);
  }

  /** Writes the GET request a crawler would have recorded before the response. */
  request(uri: string): number {
    const url = new URL(uri);
    const head = `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUser-Agent: clean-article-bench\r\n\r\n`;
    return this.record('request', uri, 'application/http; msgtype=request', [Buffer.from(head, 'latin1')]);
  }

  close(): void {
    closeSync(this.fd);
  }

  private record(type: string, uri: string, contentType: string, block: Buffer[]): number {
    const at = this.offset;
    const length = block.reduce((sum, part) => sum + part.length, 0);
    const header = [
      'WARC/1.1',
      `WARC-Type: ${type}`,
      `WARC-Record-ID: <urn:uuid:${randomUUID()}>`,
      'WARC-Date: 2026-12-02T12:00:00Z',
      `WARC-Target-URI: ${uri}`,
      `Content-Type: ${contentType}`,
      `Content-Length: ${length}`,
    ].join('\r\n');
    this.write(Buffer.from(`${header}\r\n\r\n`, 'latin1'));
    for (const part of block) this.write(part);
    this.write(Buffer.from('\r\n\r\n', 'latin1'));
    return at;
  }

  private write(bytes: Buffer): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done);
    this.offset += bytes.length;
  }
}

/**
 * A benchmark page as a crawler records it: its request, then its 200 response. No charset in
 * the stored header, so the bytes are sniffed as they are for the saved files. Returns the
 * response's offset.
 */
export function writeBenchPage(writer: WarcFileWriter, page: { id: string; url: string; bytes: Buffer }): number {
  const uri = page.url || `https://bench.example/${page.id}`;
  writer.request(uri);
  return writer.response({ uri, status: 200, contentType: 'text/html', body: page.bytes });
}
