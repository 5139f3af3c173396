// test/schema.test.ts
// schema/article.schema.json is the published contract: every fixture's JSON output, with and
// without --explain, must validate, and so must an error record; broken records must not.

import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readFileInput } from '../src/input/file.js';
import { cleanRaw } from '../src/pipeline.js';
import { articleFixtures } from './helpers/fixtures.js';

const SCHEMA = JSON.parse(readFileSync(new URL('../schema/article.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(SCHEMA);

/** The record exactly as the CLI prints it: through JSON, so undefined fields disappear. */
async function fixtureRecord(fixture: ReturnType<typeof listFixtures>[number], explain: boolean): Promise<unknown> {
  const raw = await readFileInput(fixture.sourcePath!, 20 * 1024 * 1024);
  const article = cleanRaw(
    { ...raw, source: fixture.slug, contentType: fixture.caseJson.contentType ?? null, url: null },
    { url: fixture.caseJson.url, disabledFilters: fixture.caseJson.disabledFilters, explain },
  );
  return JSON.parse(JSON.stringify(article));
}

function errorsOf(record: unknown): string {
  validate(record);
  return JSON.stringify(validate.errors?.slice(0, 5) ?? [], null, 1);
}

describe('schema/article.schema.json', () => {
  for (const fixture of articleFixtures()) {
    it(`validates ${fixture.slug}`, async () => {
      const plain = await fixtureRecord(fixture, false);
      expect(validate(plain), errorsOf(plain)).toBe(true);
      const explained = await fixtureRecord(fixture, true);
      expect(validate(explained), errorsOf(explained)).toBe(true);
    });
  }

  it('validates an error record', () => {
    const record = { source: 'https://example.com/gone', error: { code: 'E_HTTP_STATUS', message: 'HTTP 404 Not Found' } };
    expect(validate(record), errorsOf(record)).toBe(true);
  });

  it.each([
    ['an error record without a message', { source: 'x', error: { code: 'E_FETCH' } }],
    ['an error record with a lower-case code', { source: 'x', error: { code: 'fetch', message: 'failed' } }],
    ['an empty object', {}],
  ])('rejects %s', (_name, record) => {
    expect(validate(record)).toBe(false);
  });

  it('rejects an article with a date that has no offset, or a missing field', async () => {
    const [fixture] = articleFixtures();
    const article = (await fixtureRecord(fixture!, false)) as Record<string, unknown>;
    expect(validate({ ...article, publishedTime: '2024-03-04 09:30' })).toBe(false);
    const { tags: _tags, ...withoutTags } = article;
    expect(validate(withoutTags)).toBe(false);
  });

  // Issue 12: "A title is a string or null, never an empty string", and the schema says so.
  it('rejects an article whose title is an empty string; null is a title not found', async () => {
    const [fixture] = articleFixtures();
    const article = (await fixtureRecord(fixture!, false)) as Record<string, unknown>;
    expect(validate({ ...article, title: '' })).toBe(false);
    expect(validate({ ...article, title: null }), errorsOf({ ...article, title: null })).toBe(true);
  });
});
