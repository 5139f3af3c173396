// test/renditions.test.ts
// Issue 10, lead image: one URL per picture, its largest rendition the page declares.

import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { largestRendition, type Rendition, renditionsOf } from '../src/extract/renditions.js';

const dir = 'https://h.example/wp-content/uploads/2024/04/';
const named = (url: string): Rendition => ({ url, width: null, shownWidth: null });

describe('largestRendition', () => {
  it('takes the un-suffixed upload over a size-suffixed or resized rendition when no srcset width says otherwise', () => {
    expect(largestRendition(`${dir}frost-1024x683.jpg`, [named(`${dir}frost.jpg`)])).toBe(`${dir}frost.jpg`);
    expect(largestRendition(`${dir}frost.jpg?w=100&h=75`, [named(`${dir}frost.jpg`)])).toBe(`${dir}frost.jpg`);
  });

  it('takes the widest by srcset width, size suffix, w parameter or resize pair', () => {
    const shown = `${dir}frost-768x512.jpg`;
    expect(largestRendition(shown, [{ url: `${dir}frost-300x200.jpg`, width: 300, shownWidth: null }, named(`${dir}frost-1536x1024.jpg`)])).toBe(
      `${dir}frost-1536x1024.jpg`,
    );
    expect(largestRendition(`${dir}frost.jpg?w=620`, [named(`${dir}frost.jpg?w=1024&h=576`)])).toBe(`${dir}frost.jpg?w=1024&h=576`);
    // "?fit=4675,2337" is a 4675-pixel rendition: a 1200-pixel one is smaller.
    expect(largestRendition(`${dir}frost.jpg?fit=4675%2C2337`, [named(`${dir}frost.jpg?fit=4675%2C2337&w=1200&h=800`)])).toBe(
      `${dir}frost.jpg?fit=4675%2C2337`,
    );
  });

  it('keeps the shown rendition when it is the largest, on a tie, or when the others are other pictures', () => {
    const shown = `${dir}frost-1024x683.jpg`;
    expect(largestRendition(shown, [named(`${dir}frost-300x200.jpg`)])).toBe(shown);
    expect(largestRendition(shown, [named(`${dir}frost-1024x576.jpg`)])).toBe(shown);
    expect(largestRendition(shown, [named(`${dir}pear.jpg`), { url: `${dir}pear-2048x1365.jpg`, width: 2048, shownWidth: null }])).toBe(shown);
    // A social-card crop declared by parameters that give no width never beats the shown picture.
    expect(largestRendition(shown, [named(`${dir}frost.jpg?crop=1&quality=80`)])).toBe(shown);
  });

  it('reads the width an upload is laid out at as no file size, and one file on two schemes as one rendition', () => {
    // The upload shown 640 pixels wide is still the upload; its ?w=640 copy is no larger.
    expect(largestRendition(`${dir}frost.jpg`, [{ url: `${dir}frost.jpg`, width: null, shownWidth: 640 }, named(`${dir}frost.jpg?w=640`)])).toBe(
      `${dir}frost.jpg`,
    );
    // og:image on http:// names the file the page shows on https://.
    expect(largestRendition(`${dir}frost.jpg`, [named(`${dir.replace('https', 'http')}frost.jpg`)])).toBe(`${dir}frost.jpg`);
    // A larger rendition linked on http:// from the shown picture's https host keeps https.
    expect(largestRendition(`${dir}frost.jpg?width=1400`, [named(`${dir.replace('https', 'http')}frost.jpg?width=2048`)])).toBe(`${dir}frost.jpg?width=2048`);
  });

  it('reads no rendition as wider than the srcset says the upload is', () => {
    const upload = { url: `${dir}frost.jpg`, width: 480, shownWidth: null };
    expect(largestRendition(`${dir}frost.jpg`, [upload, named(`${dir}frost.jpg?w=640`)])).toBe(`${dir}frost.jpg`);
  });

  it('believes a srcset width given to the upload', () => {
    expect(largestRendition(`${dir}frost-1024x683.jpg`, [{ url: `${dir}frost.jpg`, width: 640, shownWidth: null }])).toBe(`${dir}frost-1024x683.jpg`);
  });
});

describe('renditionsOf', () => {
  it('reads srcset widths, densities times the width attribute, lazy addresses and src', () => {
    const $ = load(
      `<picture><source srcset="${dir}a-1600x900.webp 1600w"><img src="${dir}a-800x450.jpg" width="800" data-srcset="${dir}a-800x450.jpg 1x, ${dir}a-1200x675.jpg 1.5x"></picture>`,
    );
    expect(renditionsOf($('img'), 'https://h.example/')).toEqual([
      { url: `${dir}a-800x450.jpg`, width: null, shownWidth: 800 },
      { url: `${dir}a-1200x675.jpg`, width: null, shownWidth: 1200 },
      { url: `${dir}a-1600x900.webp`, width: 1600, shownWidth: null },
      { url: `${dir}a-800x450.jpg`, width: null, shownWidth: 800 },
    ]);
  });

  it('skips placeholders and ignores widths that are no pixel count', () => {
    const $ = load(`<img src="/img/blank.gif" data-src="${dir}b.jpg" width="100%">`);
    expect(renditionsOf($('img'), 'https://h.example/')).toEqual([{ url: `${dir}b.jpg`, width: null, shownWidth: null }]);
  });
});
