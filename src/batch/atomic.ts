// src/batch/atomic.ts
// Atomic file writes: write a hidden temporary file beside the target, then rename it over the
// target, so a reader (or a --resume after a kill) never sees a partial file.

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Hidden, so a folder walk and --resume never take it for output. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A file built up by appends and published whole by commit(). */
export class AtomicFile {
  private constructor(
    private readonly path: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(path: string): Promise<AtomicFile> {
    await mkdir(dirname(path), { recursive: true });
    const temp = tempPathFor(path);
    return new AtomicFile(path, temp, await open(temp, 'w'));
  }

  async append(text: string): Promise<void> {
    await this.handle.write(text);
  }

  async commit(): Promise<void> {
    await this.handle.close();
    await rename(this.temp, this.path);
  }

  /** Drops what was written: the target is left as it was (absent, for --resume to redo). */
  async discard(): Promise<void> {
    await this.handle.close();
    await rm(this.temp, { force: true });
  }
}
