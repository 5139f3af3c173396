// src/warc/name.ts
// A WARC file by its name (.warc, .warc.gz). Kept apart and import-free because the --help path
// (batch/cli-options.ts) needs it without loading the readers.

export const WARC_ENDING = /\.warc(\.gz)?$/i;

export function isWarcName(name: string): boolean {
  return WARC_ENDING.test(name);
}
