// test/helpers/fixtures.ts
// Discovers fixture folders (fixtures/<topic>--<case>/) and loads their parts.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = new URL('../../fixtures/', import.meta.url).pathname;

export interface FixtureCase {
  slug: string;
  dir: string;
  /** The raw page file: the one whose name starts with "source". */
  sourcePath: string | null;
  caseJson: { url?: string; contentType?: string; note?: string; disabledFilters?: string[]; filter?: string };
  expectedPath: string;
}

export function listFixtures(): FixtureCase[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.includes('--'))
    .map((entry) => entry.name)
    .sort()
    .map((slug) => {
      const dir = join(FIXTURES_DIR, slug);
      const source = readdirSync(dir).find((name) => name.startsWith('source'));
      const casePath = join(dir, 'case.json');
      return {
        slug,
        dir,
        sourcePath: source ? join(dir, source) : null,
        caseJson: existsSync(casePath) ? JSON.parse(readFileSync(casePath, 'utf8')) : {},
        expectedPath: join(dir, 'expected.json'),
      };
    });
}

/** A fixture whose expected.json is `{"error": {"code": …}}`: a page that must be refused. */
export function expectedError(fixture: FixtureCase): string | null {
  if (!existsSync(fixture.expectedPath)) return null;
  const expected = JSON.parse(readFileSync(fixture.expectedPath, 'utf8')) as { error?: { code?: string } };
  return expected.error?.code ?? null;
}

/** The fixtures that must give an article (every one but the refused pages). */
export function articleFixtures(): FixtureCase[] {
  return listFixtures().filter((fixture) => expectedError(fixture) === null);
}
