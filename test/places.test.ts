// test/places.test.ts
// Issue 10, authors: a place at the end of an author field is no one.

import { describe, expect, it } from 'vitest';
import { withoutPlaceTail } from '../src/metadata/places.js';

describe('withoutPlaceTail', () => {
  it('drops a trailing country and the one-word town or state before it', () => {
    expect(withoutPlaceTail(['lakeside-news.example', 'Springfield', 'USA'])).toEqual(['lakeside-news.example']);
    expect(withoutPlaceTail(['Lena Vogt', 'Kassel', 'Deutschland'])).toEqual(['Lena Vogt']);
    expect(withoutPlaceTail(['Maria Keller', 'Springfield', 'Illinois', 'United States'])).toEqual(['Maria Keller']);
    expect(withoutPlaceTail(['Springfield', 'USA'])).toEqual([]);
    expect(withoutPlaceTail(['Claire Martin', 'France'])).toEqual(['Claire Martin']);
  });

  it('keeps names: no country at the end, a person before the country, a field that is only a country', () => {
    expect(withoutPlaceTail(['Maria Keller', 'Springfield'])).toEqual(['Maria Keller', 'Springfield']);
    expect(withoutPlaceTail(['Maria Keller', 'Jon Berg', 'Norway'])).toEqual(['Maria Keller', 'Jon Berg']);
    expect(withoutPlaceTail(['Germany'])).toEqual(['Germany']);
    // Only three one-word parts at most are a place: the fourth from the end stays.
    expect(withoutPlaceTail(['Anna', 'Kassel', 'Hessen', 'Deutschland'])).toEqual(['Anna']);
  });
});
