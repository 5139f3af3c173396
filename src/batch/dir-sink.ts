// src/batch/dir-sink.ts
// -o DIR: each success as DIR/<name>.json (written atomically), each failure as a line of the
// errors file, published whole at the end. A write error for one page's name (too long, a
// file/folder clash, a symbolic link) is that page's E_OUTPUT record; any other (a full disk, a
// read-only folder) stops all output: the batch stops starting pages, and what was written
// stays, errors file included, with whole lines only and no temporary file left.

import { dirname, join, relative, sep } from 'node:path';
import type { OutputFormat } from '../output/index.js';
import { AtomicFile, writeFileAtomic } from './atomic.js';
import type { OutputFiles } from './output-files.js';
import { errorLine, type Emit, OrderedSink, outputPath, type Sink } from './sink.js';
import type { BatchSource } from './sources.js';

/** Write errors that concern one output path; any other means nothing more can be written. */
const PATH_ERRORS = new Set(['ENAMETOOLONG', 'EEXIST', 'ENOTDIR', 'EISDIR', 'EINVAL', 'EILSEQ', 'ELOOP']);

export function isPathError(error: unknown): boolean {
  return PATH_ERRORS.has((error as NodeJS.ErrnoException).code ?? '');
}

export interface DirectoryEvents {
  /** A page's file could not be written (its name, a clash): it becomes that page's E_OUTPUT record. */
  pageUnwritable(source: BatchSource): void;
  /** Nothing more can be written (a full disk, a read-only folder): the batch stops. */
  broken(error: NodeJS.ErrnoException): void;
}

/** A stale temporary errors file that a kill -9 left behind (same name, so same shard) goes first. */
export async function directorySink(dir: string, errorsName: string, format: OutputFormat, events: DirectoryEvents, files: OutputFiles): Promise<Sink> {
  await removeStaleTemporaries(dir, errorsName, files);
  const errors = await AtomicFile.open(join(dir, errorsName), files);
  let stoppedBy: string | null = null;
  let errorsWritable = true;
  const stop = (error: unknown): void => {
    if (stoppedBy !== null) return;
    stoppedBy = (error as NodeJS.ErrnoException).code ?? String(error);
    events.broken(error as NodeJS.ErrnoException);
  };
  const logError = async (line: string): Promise<void> => {
    if (!errorsWritable) return;
    await errors.append(line).catch((error: unknown) => {
      errorsWritable = false;
      stop(error);
    });
  };
  const emit: Emit = async (source, finished) => {
    if (finished === 'skipped' || finished === 'written' || 'lines' in finished) return;
    if (!finished.ok) return logError(errorLine(source.spec, finished.code, finished.message));
    const path = outputPath(dir, source, format);
    // Once nothing can be written, a cleaned page is not an "ok" one: it has no output.
    if (stoppedBy !== null) {
      events.pageUnwritable(source);
      return logError(errorLine(source.spec, 'E_OUTPUT', `not written to ${path}: writing under ${dir} stopped (${stoppedBy})`));
    }
    try {
      await refuseSymlinksBelow(dir, path, files);
      await writeFileAtomic(path, finished.record, files);
    } catch (error) {
      events.pageUnwritable(source);
      if (!isPathError(error)) stop(error);
      await logError(errorLine(source.spec, 'E_OUTPUT', unwritableMessage(path, error as NodeJS.ErrnoException)));
    }
  };
  // What was appended is published even after a stop; one that cannot be is removed (commit()).
  return new OrderedSink(emit, () => errors.commit().catch(stop));
}

/** An output file's E_OUTPUT message: the code, or what the symlink check found. */
export function unwritableMessage(path: string, error: NodeJS.ErrnoException): string {
  return `cannot write ${path} (${error.code === 'ELOOP' ? error.message : (error.code ?? error.message)})`;
}

/**
 * A symbolic link inside DIR (planted by a page's name, or by anyone who can write there) would
 * carry the record outside DIR: every folder between DIR and the file must be a real folder.
 * DIR itself may be a link; the user chose it. A link at the file's own name is replaced by the
 * rename, never followed.
 */
export async function refuseSymlinksBelow(dir: string, path: string, files: OutputFiles): Promise<void> {
  const parts = relative(dir, dirname(path)).split(sep).filter(Boolean);
  let at = dir;
  for (const part of parts) {
    at = join(at, part);
    const info = await files.lstat(at).catch(() => null);
    if (info === null) return; // not there yet: mkdir makes a real folder from here down
    if (info.isSymbolicLink()) throw Object.assign(new Error(`${at} is a symbolic link`), { code: 'ELOOP' });
  }
}

async function removeStaleTemporaries(dir: string, errorsName: string, files: OutputFiles): Promise<void> {
  const names = await files.readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(`.${errorsName}.`) && name.endsWith('.tmp'));
  await Promise.all(stale.map((name) => files.rm(join(dir, name), { force: true })));
}
