// src/batch/atomic.ts
// Atomic file writes: write a hidden temporary file beside the target, then rename it over the
// target, so a reader (or a --resume after a kill) never sees a partial file.

import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { OutputFiles, OutputHandle } from './output-files.js';

/** Hidden, so a folder walk and --resume never take it for output. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, text: string, files: OutputFiles): Promise<void> {
  await files.mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await files.writeFile(temp, text);
    await files.rename(temp, path);
  } catch (error) {
    await files.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

/**
 * A file built up by appends and published whole by commit(). An append that fails (a full
 * disk) is cut back off, so what is published holds whole lines only.
 */
export class AtomicFile {
  private length = 0;
  /** A failed append could not be cut back off: the file must not be published. */
  private damaged = false;

  private constructor(
    private readonly path: string,
    private readonly temp: string,
    private readonly handle: OutputHandle,
    private readonly files: OutputFiles,
  ) {}

  static async open(path: string, files: OutputFiles): Promise<AtomicFile> {
    await files.mkdir(dirname(path), { recursive: true });
    const temp = tempPathFor(path);
    return new AtomicFile(path, temp, await files.open(temp, 'w'), files);
  }

  async append(text: string): Promise<void> {
    if (this.damaged) throw new Error(`${this.temp} is damaged`);
    const bytes = Buffer.from(text);
    try {
      // A write to a file that is nearly full can take part of the bytes without an error.
      for (let done = 0; done < bytes.length; ) {
        const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done);
        if (bytesWritten === 0) throw Object.assign(new Error('no space left for the write'), { code: 'ENOSPC' });
        done += bytesWritten;
      }
      this.length += bytes.length;
    } catch (error) {
      await this.handle.truncate(this.length).catch(() => (this.damaged = true));
      throw error;
    }
  }

  /** Publishes the file; one that cannot be published is removed instead, and the error thrown. */
  async commit(): Promise<void> {
    try {
      if (this.damaged) throw new Error(`${this.temp} is damaged`);
      await this.handle.close();
      await this.files.rename(this.temp, this.path);
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  /** Drops what was written: the target is left as it was (absent, for --resume to redo). */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
    await this.files.rm(this.temp, { force: true }).catch(() => {});
  }
}
