// src/batch/sink.ts
// Where batch records go, always in input order: JSON Lines on stdout, or one .json per input
// under -o DIR (dir-sink.ts) with the failures in DIR/errors.jsonl. Pages finish out of order; a
// small reorder buffer puts them back.

import { readFile, stat } from 'node:fs/promises';
import type { OutputFormat } from '../output/index.js';
import type { BatchSource } from './sources.js';
import type { PageOutcome } from './protocol.js';
import { join } from 'node:path';

/**
 * A finished input: its record, or "skipped" (already done, --resume) to keep the order moving.
 * A WARC file's records are a stream of lines (on stdout), or "written" when they went to their
 * own file under -o DIR.
 */
export type Finished = PageOutcome | 'skipped' | 'written' | { lines: AsyncIterable<string> };

export interface Sink {
  /** Hands over input `index`'s end; records are written once every earlier input has ended. */
  accept(index: number, source: BatchSource, finished: Finished): void;
  /** Inputs below this index have all been written. */
  readonly written: number;
  /** Writes what is buffered (past any gap, when interrupted), then closes the outputs. */
  finish(): Promise<void>;
}

export function errorLine(source: string, code: string, message: string): string {
  return `${JSON.stringify({ source, error: { code, message } })}\n`;
}

export type Emit = (source: BatchSource, finished: Finished) => Promise<void>;

/** Puts records back in input order and writes them one at a time through `emit`. */
export class OrderedSink implements Sink {
  private readonly buffer = new Map<number, [BatchSource, Finished]>();
  private next = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly emit: Emit,
    private readonly close: () => Promise<void>,
  ) {}

  get written(): number {
    return this.next;
  }

  accept(index: number, source: BatchSource, finished: Finished): void {
    this.buffer.set(index, [source, finished]);
    for (let entry = this.buffer.get(this.next); entry; entry = this.buffer.get(this.next)) {
      this.buffer.delete(this.next++);
      const [ready, end] = entry;
      this.chain = this.chain.then(() => this.emit(ready, end));
    }
  }

  async finish(): Promise<void> {
    const rest = [...this.buffer.entries()].sort(([a], [b]) => a - b);
    this.buffer.clear();
    for (const [, [source, end]] of rest) this.chain = this.chain.then(() => this.emit(source, end));
    await this.chain;
    await this.close();
  }
}

/**
 * JSON Lines on a stream; waits for 'drain' so a slow reader bounds memory. Once the stream
 * fails (a reader that closed the pipe, a full disk), `onBroken` hears it once and nothing more
 * is written: the batch stops rather than cleaning pages no one will read.
 */
export function stdoutSink(stream: NodeJS.WritableStream, onBroken: (error: NodeJS.ErrnoException) => void = () => {}): Sink {
  let broken = false;
  let wakeWriter: () => void = () => {};
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (broken) return;
    broken = true;
    wakeWriter();
    onBroken(error);
  });
  const write = async (line: string): Promise<void> => {
    if (broken) return;
    if (stream.write(line)) return;
    await new Promise<void>((resolve) => {
      wakeWriter = resolve;
      stream.once('drain', resolve);
    });
  };
  const emit: Emit = async (source, finished) => {
    if (finished === 'skipped' || finished === 'written') return;
    if ('lines' in finished) {
      for await (const line of finished.lines) await write(line);
      return;
    }
    await write(finished.ok ? finished.record : errorLine(source.spec, finished.code, finished.message));
  };
  return new OrderedSink(emit, async () => {});
}

/** A page's file ending under -o DIR, by --format: out/a/b.html.md for --format markdown. */
const FILE_ENDINGS: Readonly<Record<OutputFormat, string>> = { json: '.json', jsonl: '.json', text: '.txt', markdown: '.md', html: '.html' };

/**
 * DIR/<name>.json (or .txt, .md, .html by --format) for a page; DIR/<name>.jsonl for a WARC file,
 * all its records in one file, whatever the format.
 */
export function outputPath(dir: string, source: BatchSource, format: OutputFormat = 'json'): string {
  return join(dir, `${source.outName}${source.warc ? '.jsonl' : FILE_ENDINGS[format]}`);
}

/** The errors file; shards get their own so that several can share one DIR. */
export function errorsFileName(shard: { index: number; count: number } | undefined): string {
  return shard ? `errors.${shard.index}-of-${shard.count}.jsonl` : 'errors.jsonl';
}

/**
 * --resume: an input is done when its output file exists and (for JSON) parses. Files are
 * published by rename, whole, so a text, Markdown or HTML file that is there is complete; so is
 * a WARC file's .jsonl, written only once every record is in it.
 */
export async function alreadyDone(dir: string, source: BatchSource, format: OutputFormat = 'json'): Promise<boolean> {
  try {
    const path = outputPath(dir, source, format);
    if (source.warc || FILE_ENDINGS[format] !== '.json') return (await stat(path)).isFile();
    JSON.parse(await readFile(path, 'utf8'));
    return true;
  } catch {
    return false;
  }
}
