// test/helpers/cli-memory.ts
// runCli() in the test's own process, with stdin, stdout and stderr (and optionally the -o DIR
// file-system calls) injected, so a test reads what the CLI printed and its exit code.

import { Readable, Writable } from 'node:stream';
import type { OutputFiles } from '../../src/batch/output-files.js';
import { runCli } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InMemoryOptions {
  /** Bytes on stdin; none by default. */
  stdin?: string | Buffer;
  /** Whether stdin says it is a terminal (a bare `clean-article` then prints usage, not reads). */
  tty?: boolean;
  files?: OutputFiles;
}

function sink(append: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      append(chunk.toString());
      callback();
    },
  });
}

export async function runCliInMemory(args: readonly string[], options: InMemoryOptions = {}): Promise<CliResult> {
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as Readable & { isTTY?: boolean };
  stdin.isTTY = options.tty ?? false;
  let stdout = '';
  let stderr = '';
  const io = { stdin, stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)), ...(options.files ? { files: options.files } : {}) };
  const code = await runCli(['node', 'clean-article', ...args], io);
  return { code, stdout, stderr };
}
