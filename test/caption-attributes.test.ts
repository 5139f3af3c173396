// test/caption-attributes.test.ts
// Issue 10, captions and credits: a picture's title (or its lightbox link's) is read only when it
// credits the photo; titles are more often the headline, a product's name or a file name.

import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { captionOf } from '../src/extract/captions.js';

const partsOf = (html: string) => {
  const $ = cheerio.load(`<article><p>Text before the picture.</p>${html}</article>`);
  return captionOf($, $('img').first());
};

describe('captions from title attributes', () => {
  it('splits a credited title on the picture into caption and credit', () => {
    expect(partsOf('<img src="a.jpg" title="Tom Baker at the launch. Photo: Getty Images">')).toEqual({
      caption: 'Tom Baker at the launch.',
      credit: 'Photo: Getty Images',
    });
    expect(partsOf('<img src="a.jpg" title="The mayor in the new hall (AP Photo/Jane Doe)">')).toEqual({
      caption: 'The mayor in the new hall',
      credit: 'AP Photo/Jane Doe',
    });
  });

  it('reads the title of a lightbox link that holds only the picture', () => {
    expect(partsOf('<a href="big.jpg" title="Boats in the harbour © Coast Agency"><img src="a.jpg"></a>')).toEqual({
      caption: 'Boats in the harbour',
      credit: '© Coast Agency',
    });
  });

  it('ignores titles that credit no one: headlines, product names, file names, viewer instructions', () => {
    for (const title of [
      'Council passes the harbour budget',
      'Shokz OpenRun Pro running headphones',
      'Screen Shot 2012-10-24 at 10.21.06 AM',
      'IMG_2041.jpg',
      'Click to enlarge',
    ]) {
      expect(partsOf(`<img src="a.jpg" title="${title}">`), title).toEqual({ caption: null, credit: null });
    }
  });

  it('leaves a figcaption first', () => {
    expect(
      partsOf('<figure><img src="a.jpg" title="Other words. Photo: Someone Else"><figcaption>The real caption. Photo: Ana Ruiz</figcaption></figure>'),
    ).toEqual({
      caption: 'The real caption.',
      credit: 'Photo: Ana Ruiz',
    });
  });
});
