// test/credit-sources.test.ts
// Which source credits the story (issue 10): the first that names a person, a login giving way
// to a name, and the visible byline over a JSON-LD person it does not name, when it names someone.

import { describe, expect, it } from 'vitest';
import { readCredits } from '../src/metadata/credit-sources.js';
import type { MetadataSource } from '../src/metadata/types.js';

const ORDER: MetadataSource[] = ['json-ld', 'meta', 'byline'];
const credits = (jsonLd: string[], byline: string[]) => readCredits(ORDER, { 'json-ld': { authors: jsonLd }, byline: { authors: byline } }, null);

describe('readCredits: the visible byline and JSON-LD', () => {
  it('the visible byline wins over a JSON-LD person it does not name', () => {
    expect(credits(['Laura Ortiz'], ['Andrés Molina Ruiz'])).toMatchObject({ people: ['Andrés Molina Ruiz'], source: 'byline' });
  });

  it('JSON-LD stays when the byline agrees with it, names a second author beside it, or names no full name', () => {
    expect(credits(['Laura Ortiz'], ['Laura Ortiz'])).toMatchObject({ people: ['Laura Ortiz'], source: 'json-ld' });
    expect(credits(['Laura Ortiz', 'Tom Reyes'], ['Tom Reyes'])).toMatchObject({ people: ['Laura Ortiz', 'Tom Reyes'], source: 'json-ld' });
    expect(credits(['Sarah E. Needleman'], ['Biography'])).toMatchObject({ people: ['Sarah E. Needleman'], source: 'json-ld' });
    expect(credits(['Mike Wall'], ['Astronomy'])).toMatchObject({ people: ['Mike Wall'], source: 'json-ld' });
    expect(credits(['Ana Souza'], [])).toMatchObject({ people: ['Ana Souza'], source: 'json-ld' });
  });
});
