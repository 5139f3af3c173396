// test/batch-adversarial.test.ts
// Hostile pages: each gets an article or an error record within the page limit, never a crash of
// the batch. The pages are generated in a temp folder at test time. Plus fast-check properties on
// the pipeline itself: any bytes, any tag soup, any truncation -> an article or a CleanError.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CleanError } from '../src/errors.js';
import { cleanRaw } from '../src/pipeline.js';
import { jsonLines, runCliProcess, writeTree } from './helpers/batch.js';
import { FIXTURES_DIR } from './helpers/fixtures.js';

const REAL_PAGE = readFileSync(join(FIXTURES_DIR, 'recall--lists-tables-quotes', 'source.html'));
const PAGE_LIMIT_S = 8;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'clean-article-adversarial-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** xorshift32: the same "random" bytes on every run. */
function seededBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

function hostilePages(): Record<string, string | Buffer> {
  const pages: Record<string, string | Buffer> = {
    'deep.html': `<html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}</body></html>`,
    'huge-text.html': `<html><body><p>${'word '.repeat(10 * 1024 * 1024)}</p></body></html>`,
    'million-empty.html': `<html><body><p>A short story.</p>${'<i></i>'.repeat(1_000_000)}</body></html>`,
    'random.html': seededBytes(64 * 1024, 2463534242),
  };
  for (let tenth = 1; tenth <= 10; tenth++) {
    pages[`truncated-${String(tenth * 10).padStart(3, '0')}.html`] = REAL_PAGE.subarray(0, Math.floor((REAL_PAGE.length * tenth) / 10));
  }
  return pages;
}

describe('adversarial pages in a batch', () => {
  it('100k-deep nesting, a 50 MB text node, a million empty elements, random bytes and truncations: one record each, in bounded time', async () => {
    const root = join(tmp, 'hostile');
    const pages = hostilePages();
    writeTree(root, pages);
    const run = await runCliProcess([root, '-j', '2', '--page-timeout', String(PAGE_LIMIT_S), '--max-bytes', String(64 * 1024 * 1024)]);
    expect([0, 1], run.stderr).toContain(run.code);
    const records = jsonLines(run.stdout);
    expect(records.map((record) => String(record['source']).slice(root.length + 1))).toEqual(Object.keys(pages).sort());
    for (const record of records) {
      const error = record['error'] as { code: string; message: string } | undefined;
      if (error) expect(error.code, JSON.stringify(error)).toMatch(/^E_[A-Z_]+$/);
      else expect(typeof record['text']).toBe('string');
    }
    // The whole truncated page is the real article.
    expect(records.at(-1)!['error']).toBeUndefined();
    // A guard against a hang (a page the limit failed to end), not a measurement: minutes above
    // what three page limits on two workers cost, so a busy machine cannot trip it.
    expect(run.ms).toBeLessThan(200_000);
  });
});

/** cleanRaw's contract: an Article, or a CleanError with a code; anything else is a bug. */
function articleOrCleanError(bytes: Uint8Array): void {
  try {
    const article = cleanRaw({ source: 'prop', bytes: Buffer.from(bytes), contentType: null, url: null });
    expect(typeof article.text).toBe('string');
    expect(article.text.trim()).not.toBe('');
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(CleanError);
    expect((error as CleanError).code).toMatch(/^E_[A-Z_]+$/);
  }
}

const TAG_SOUP = fc.array(
  fc.oneof(
    fc.constantFrom(
      '<p>',
      '</p>',
      '<div class="story">',
      '</div>',
      '<script>',
      '</script>',
      '<style>',
      '<!--',
      '-->',
      '<article>',
      '<h1>',
      '</h1>',
      '<br>',
      '<![CDATA[',
      '&amp;',
      '&#0;',
      '<svg>',
      '<table><tr><td>',
      '<meta charset="shift_jis">',
      '\u0000',
      '\uFEFF',
    ),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('The harbour bridge reopened after two years of repairs, the city said on Monday. ', 'Инженеры заменили тросы. ', '港の橋が再開通した。'),
  ),
  { maxLength: 60 },
);

describe('pipeline properties (fast-check)', () => {
  it('any byte string gives an article or a typed error, never a throw of anything else', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), articleOrCleanError), { seed: 11, numRuns: 150 });
  });

  it('any tag soup gives an article or a typed error', () => {
    fc.assert(
      fc.property(TAG_SOUP, (parts) => articleOrCleanError(Buffer.from(parts.join(''), 'utf8'))),
      { seed: 12, numRuns: 150 },
    );
  });

  it('a real page cut at any byte gives an article or a typed error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: REAL_PAGE.length }), (end) => articleOrCleanError(REAL_PAGE.subarray(0, end))),
      { seed: 13, numRuns: 60 },
    );
  });
});
