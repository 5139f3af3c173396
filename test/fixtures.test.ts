// test/fixtures.test.ts
// One test per fixture folder. expected.json lists the fields that must come out exactly (any
// Article key), plus `mustContain` / `mustNotContain` strings for `text` and
// `mustNotContainLines` for whole lines of `text`; or `{"error": {"code": …}}` for a page that must
// be refused with that code. A folder without expected.json fails.
// A case.json naming a `filter` also proves the fixture needs it: with that filter off, at least
// one expectation must fail.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILTER_NAMES } from '../src/filters/index.js';
import { readFileInput } from '../src/input/file.js';
import { cleanRaw } from '../src/pipeline.js';
import { violations } from './helpers/expectations.js';
import { expectedError, listFixtures, type FixtureCase } from './helpers/fixtures.js';

async function clean(fixture: FixtureCase, disabled: readonly string[]): Promise<Record<string, unknown>> {
  // The real file reader, so gzipped sources are inflated exactly as the CLI does it.
  const raw = await readFileInput(fixture.sourcePath!, 20 * 1024 * 1024);
  return cleanRaw(
    { ...raw, source: fixture.slug, contentType: fixture.caseJson.contentType ?? null },
    { url: fixture.caseJson.url, disabledFilters: disabled },
  ) as unknown as Record<string, unknown>;
}

/** Elements in the article HTML with nothing in them but whitespace. */
function emptyContainers(html: string): string[] {
  return html.match(/<(div|section|article|aside|header|footer|figure|p|span|a|ul|ol|li|blockquote|h[2-6])(\s[^>]*)?>\s*<\/\1>/g) ?? [];
}

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
      const refused = expectedError(fixture);
      if (refused !== null) {
        // A page that is no article: cleaning must fail with exactly that code.
        await expect(clean(fixture, fixture.caseJson.disabledFilters ?? [])).rejects.toMatchObject({ code: refused });
        return;
      }
      const article = await clean(fixture, fixture.caseJson.disabledFilters ?? []);
      expect(violations(article, expected)).toEqual([]);
      // Issue 12 audit: containers the filters emptied were left in `html` (`<div></div>` where an
      // author box was), and so in the reader page.
      expect(emptyContainers(String(article['html'])), `${fixture.slug}: empty elements in html`).toEqual([]);

      const filter = fixture.caseJson.filter;
      if (filter !== undefined) {
        expect(FILTER_NAMES, `${fixture.slug}: case.json names an unknown filter`).toContain(filter);
        const without = await clean(fixture, [...(fixture.caseJson.disabledFilters ?? []), filter]);
        expect(violations(without, expected), `${fixture.slug} passes even without ${filter}`).not.toEqual([]);
      }
    });
  }
});
