// test/normalize.test.ts
// textKey is the comparison key every stage matches text by (the article against the page, ledes,
// repeats). It skips collapsing spaces first, for speed; this checks that the key is still the one
// the collapsing version gave, over text mixing letters, digits, every kind of space, zero-width
// characters, soft hyphens, punctuation and letters whose lower case grows (İ). collapseSpaces
// itself skips passes its tests find needless; it is checked against doing every pass.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces, textKey } from '../src/text/normalize.js';

/** The key as it was defined before: spaces collapsed, then lower case, then non-letters. */
function collapsingKey(text: string): string {
  return collapseSpaces(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const PIECES = [
  'a',
  'Zé',
  'İ',
  'ß',
  '7',
  '٣',
  '日本',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '-',
  '’',
  '.',
  '!',
  '«»',
  '😀',
];

/** collapseSpaces as it was written before its fast path: every pass, every time. */
function collapseEveryPass(text: string): string {
  return text
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('collapseSpaces', () => {
  it('gives what every pass gave, whether or not its tests skip a pass', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, '\u2060', '\u1680', '\r'), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(collapseSpaces(text)).toBe(collapseEveryPass(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('textKey', () => {
  it('gives the same key as collapsing spaces first', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(textKey(text)).toBe(collapsingKey(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case, punctuation, spacing and invisible characters', () => {
    expect(textKey('  Hello,\u00a0WORLD!\u200b ')).toBe('hello world');
    expect(textKey('co\u00adoperate')).toBe('cooperate');
    expect(textKey('…')).toBe('');
  });
});
