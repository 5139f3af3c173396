// test/fixtures.test.ts
// One test per fixture folder. expected.json lists the fields that must come out exactly (any
// Article key), plus `mustContain` / `mustNotContain` strings for `text` and
// `mustNotContainLines` for whole lines of `text`. A folder without expected.json fails.

import { existsSync, readFileSync } from 'node:fs';
import { readFileInput } from '../src/input/file.js';
import { describe, expect, it } from 'vitest';
import { cleanRaw } from '../src/pipeline.js';
import { listFixtures } from './helpers/fixtures.js';

const CHECK_KEYS = new Set(['mustContain', 'mustNotContain', 'mustNotContainLines', 'note']);

describe('fixtures', () => {
  const cases = listFixtures();

  it('has fixture folders', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const fixture of cases) {
    it(fixture.slug, async () => {
      expect(fixture.sourcePath, `${fixture.slug} has no source.* file`).not.toBeNull();
      expect(existsSync(fixture.expectedPath), `${fixture.slug} has no expected.json`).toBe(true);
      const expected = JSON.parse(readFileSync(fixture.expectedPath, 'utf8')) as Record<string, unknown>;
      // The real file reader, so gzipped sources are inflated exactly as the CLI does it.
      const raw = await readFileInput(fixture.sourcePath!, 20 * 1024 * 1024);
      const article = cleanRaw(
        { ...raw, source: fixture.slug, contentType: fixture.caseJson.contentType ?? null },
        { url: fixture.caseJson.url, disabledFilters: fixture.caseJson.disabledFilters },
      ) as unknown as Record<string, unknown>;

      for (const [key, value] of Object.entries(expected)) {
        if (CHECK_KEYS.has(key)) continue;
        expect(article, `${fixture.slug}: unknown field ${key}`).toHaveProperty(key);
        expect(article[key], `${fixture.slug}: ${key}`).toEqual(value);
      }
      const text = String(article['text']);
      for (const needle of (expected['mustContain'] as string[] | undefined) ?? []) {
        expect(text, `${fixture.slug}: text should contain`).toContain(needle);
      }
      for (const needle of (expected['mustNotContain'] as string[] | undefined) ?? []) {
        expect(text, `${fixture.slug}: text should not contain`).not.toContain(needle);
      }
      const lines = new Set(text.split('\n'));
      for (const line of (expected['mustNotContainLines'] as string[] | undefined) ?? []) {
        expect(lines.has(line), `${fixture.slug}: a line of text equals ${JSON.stringify(line)}`).toBe(false);
      }
    });
  }
});
