// src/input/pipe.ts
// Reads a named pipe (a FIFO, `<(curl …)`, /dev/stdin when piped) without ever blocking a thread:
// opened non-blocking and read through libuv's event loop, as process.stdin reads a pipe. A
// plain open() waits in the thread pool for a writer that may never come, and no timeout or
// signal can take that thread back (a batch with such an input ignored SIGTERM for good). The
// read is bounded by the byte cap and by the --timeout deadline, as a URL's body is.

import { constants, open } from 'node:fs';
import { Socket } from 'node:net';
import { CleanError } from '../errors.js';
import type { RawInput } from './raw.js';
import { readStreamInput } from './stdin.js';

function openNonBlocking(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    open(path, constants.O_RDONLY | constants.O_NONBLOCK, (error, fd) => (error ? reject(error) : resolve(fd)));
  });
}

export async function readPipeInput(path: string, maxBytes: number, timeoutMs: number): Promise<RawInput> {
  const fd = await openNonBlocking(path);
  const stream = new Socket({ fd, readable: true, writable: false });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stream.destroy();
      reject(new CleanError('E_TIMEOUT', `the pipe did not end within the ${timeoutMs / 1000} s --timeout`, path));
    }, timeoutMs);
  });
  try {
    return await Promise.race([readStreamInput(stream, maxBytes, path), deadline]);
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
}
