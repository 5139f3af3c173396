// test/limits.test.ts
// Hostile markup is bounded before any parser sees it: deep nesting is refused at once, and a
// page drowned in empty elements is trimmed and still extracted.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileInput } from '../src/input/file.js';
import { boundedHtml, MAX_DEPTH, MAX_ELEMENTS } from '../src/parse/limits.js';
import { cleanRaw } from '../src/pipeline.js';

const story = Array.from(
  { length: 6 },
  (_, i) => `<p>Paragraph ${i} of the report says the ferry service resumes next week after repairs to the pier.</p>`,
).join('');

describe('boundedHtml', () => {
  it('refuses nesting deeper than the limit with E_TOO_LARGE', () => {
    const deep = `<html><body>${'<div>'.repeat(MAX_DEPTH + 1)}x${'</div>'.repeat(MAX_DEPTH + 1)}</body></html>`;
    expect(() => boundedHtml(deep, 'deep')).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE' }));
  });

  it('does not count implied-end tags such as unclosed <p> and <li> as nesting', () => {
    const loose = `<html><body>${'<p>line'.repeat(MAX_DEPTH * 2)}</body></html>`;
    expect(boundedHtml(loose, 'loose')).toBe(loose);
  });

  it('drops empty elements when there are too many, keeping the text', () => {
    const html = `<html><body>${'<span class="x"></span>'.repeat(MAX_ELEMENTS + 10)}${story}</body></html>`;
    const bounded = boundedHtml(html, 'empties');
    expect(bounded.length).toBeLessThan(html.length / 10);
    expect(bounded).toContain('Paragraph 5');
  });

  it('refuses a page still over the element limit after trimming', () => {
    const html = `<html><body>${'<b>x</b>'.repeat(MAX_ELEMENTS + 10)}</body></html>`;
    expect(() => boundedHtml(html, 'full')).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE' }));
  });
});

describe('hostile pages through the pipeline', () => {
  const clean = (html: string) => () => cleanRaw({ source: 't', bytes: Buffer.from(html), contentType: null, url: null });

  it('a page nested 100,000 deep is an E_TOO_LARGE error, not a stack overflow', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`;
    expect(clean(html)).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE' }));
  });

  it('a page with a million empty elements still gives its article', () => {
    const html = `<html><body>${'<span></span>'.repeat(1_000_000)}<article>${story}</article></body></html>`;
    expect(clean(html)().text).toContain('Paragraph 5 of the report');
  });
});

// Issue 13.14: /dev/zero grew past 8 GB and a FIFO hung, because the cap trusted stat().size.
describe('special files as inputs', () => {
  it('streams devices and pipes under the byte cap, and refuses a socket', async () => {
    await expect(readFileInput('/dev/zero', 64 * 1024)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    await expect(readFileInput('/dev/urandom', 64 * 1024)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    const dir = mkdtempSync(join(tmpdir(), 'clean-article-special-'));
    try {
      const fifo = join(dir, 'page.fifo');
      execFileSync('mkfifo', [fifo]);
      const writing = writeFile(fifo, '<p>through a pipe</p>');
      const raw = await readFileInput(fifo, 64 * 1024);
      await writing;
      expect(raw.bytes.toString()).toBe('<p>through a pipe</p>');
      const socketPath = join(dir, 'page.sock');
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(socketPath, resolve));
      await expect(readFileInput(socketPath, 64 * 1024)).rejects.toMatchObject({ code: 'E_INPUT', message: 'is a socket, not a file' });
      await new Promise((resolve) => server.close(resolve));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
