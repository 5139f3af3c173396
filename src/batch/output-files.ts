// src/batch/output-files.ts
// The file-system calls the -o DIR writer makes, as one value passed down from runBatch: the real
// ones by default, and in tests a stand-in that fails on cue (a full disk, a closed pipe, a
// read-only folder) so that every write error can be tried without a tmpfs or root.

import { lstat, mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';

/** An open file that is appended to: the errors file, a WARC file's records. */
export interface OutputHandle {
  write(bytes: Buffer, offset: number, length: number): Promise<{ bytesWritten: number }>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface OutputFiles {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(path: string, flags: 'w'): Promise<OutputHandle>;
  writeFile(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  lstat(path: string): Promise<{ isSymbolicLink(): boolean }>;
  readdir(path: string): Promise<string[]>;
}

export const NODE_FILES: OutputFiles = {
  mkdir,
  open: (path, flags) => open(path, flags),
  writeFile: (path, text) => writeFile(path, text),
  rename,
  rm,
  lstat,
  readdir: (path) => readdir(path),
};
