// test/holder-images.test.ts
// The caption reader asks up to three wrappers around every image whether they hold another
// picture. It did so with a css-select find of all the wrapper's images, so many images in one
// wrapper cost the square of their number or worse (1,000 <img> in one <div>, 55 kB, took 9 s of
// CPU; 4,000 over 280 s). The answer now comes from a walk that stops at the second image; here
// that walk is shown to stop there (a node after it that throws when read is never read).

import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { markedCaptionOf } from '../src/extract/captions.js';
import { holdsMoreThanOneImage } from '../src/extract/holder-images.js';
import { load } from '../src/parse/cheerio-load.js';

describe('holdsMoreThanOneImage', () => {
  it.each([
    ['two images side by side', '<div id="h"><img src="a.jpg"><img src="b.jpg"></div>', true],
    ['two images in wrappers', '<div id="h"><figure><img src="a.jpg"></figure><p><span><img src="b.jpg"></span></p></div>', true],
    ['one image', '<div id="h"><figure><img src="a.jpg"><figcaption>The quay</figcaption></figure></div>', false],
    ['one image and its script-free twin', '<div id="h"><img src="a.jpg"><noscript><img src="a.jpg"></noscript></div>', false],
    ['no image', '<div id="h"><p>Text</p></div>', false],
  ])('%s', (_what, body, expected) => {
    const $ = load(`<html><body>${body}</body></html>`);
    const holder = $('#h')[0] as Element;
    expect(holdsMoreThanOneImage(holder)).toBe(expected);
    // The same answer as the cheerio query it replaces.
    expect($(holder).find('img').not('noscript img').length > 1).toBe(expected);
  });

  it('reads no further than the second image when the caption reader asks about a wrapper', () => {
    const $ = load('<html><body><div id="h"><img id="first" src="a.jpg"><img src="b.jpg"><div id="rest"><p>More</p></div></div></body></html>');
    // Found before the trap is set: a query over the page reads every node.
    const first = $('#first') as ReturnType<typeof $<Element>>;
    Object.defineProperty($('#rest')[0]!, 'children', {
      get() {
        throw new Error('read past the second image');
      },
    });
    expect(markedCaptionOf($, first)).toEqual({ caption: null, credit: null });
  });
});
