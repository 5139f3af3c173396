// test/image-urls.test.ts
// images[].url and leadImage.url are links people open and programs follow: only http(s)
// addresses (relative ones resolved against the page) ever reach them. Before, an <img> whose
// srcset, lazy-loading attribute or src held javascript:alert(9) (in any case, entity-coded, or
// dressed as a .jpg) was printed as given. The fixture images--unsafe-url-schemes-en runs the
// whole pipeline; here, a property over generated addresses against the image reader, and the
// last guard in the assembler.

import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleArticle } from '../src/extract/assemble.js';
import { findImages, findLeadImage } from '../src/extract/images.js';
import { readMetadata } from '../src/metadata/index.js';

const PAGE_URL = 'https://news.example/2024/05/story.html';
const WEB_ADDRESS = /^https?:\/\/[^\s]+$/;

/** A scheme that is no web address, in mixed case, its first letter entity-coded or not. */
const unsafeAddress = fc
  .tuple(
    fc.constantFrom('javascript', 'vbscript', 'data', 'file', 'ftp', 'blob', 'about', 'jar'),
    fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    fc.boolean(),
    fc.constantFrom('alert(9)', 'alert(1)//photo.jpg', '//host.example/a.png', 'text/html,x.webp', '///etc/passwd'),
  )
  .map(([scheme, upper, entity, rest]) => {
    const cased = [...scheme].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join('');
    const first = entity ? `&#${cased.charCodeAt(0)};` : cased[0];
    return `${first}${cased.slice(1)}:${rest}`;
  });

/** A real picture's address as pages write it: absolute, protocol-relative, rooted or relative. */
const webAddress = fc.constantFrom('https://cdn.example/p/a.jpg', '//cdn.example/p/b.jpg', '/img/c.png', 'photos/d.webp', 'HTTP://cdn.example/E.JPG');

const imgAttribute = fc.constantFrom('src', 'srcset', 'data-src', 'data-lazy-src', 'data-original', 'data-srcset');

describe('image addresses', () => {
  it('only http(s) addresses come out of the image reader, whatever the attributes hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(imgAttribute, fc.oneof(unsafeAddress, unsafeAddress, webAddress), fc.constantFrom('', ' 2x', ' 800w')), {
          minLength: 1,
          maxLength: 4,
        }),
        (attributes) => {
          const seen = new Set<string>();
          const attrs = attributes
            .filter(([name]) => !seen.has(name) && seen.add(name))
            .map(([name, value, descriptor]) => `${name}="${value}${name.includes('srcset') ? descriptor : ''}"`)
            .join(' ');
          const $ = cheerio.load(`<article><figure><img ${attrs} alt="x"></figure><p>text</p></article>`);
          for (const { info } of findImages($, PAGE_URL)) expect(info.url).toMatch(WEB_ADDRESS);
          const lead = findLeadImage($, null, PAGE_URL);
          if (lead) expect(lead.info.url).toMatch(WEB_ADDRESS);
        },
      ),
      { seed: 13, numRuns: 400 },
    );
  });

  it('a declared lead image that is no web address is no lead', () => {
    const $ = cheerio.load('<article><p>text</p></article>');
    expect(findLeadImage($, 'javascript:alert(9)', PAGE_URL)).toBeNull();
  });

  it('the assembler drops any image address that is no web address, whatever stage made it', () => {
    const metadata = readMetadata(cheerio.load('<html><head><title>A title</title></head><body></body></html>'), PAGE_URL);
    const image = (url: string | null) => ({ url, alt: null, caption: 'c', credit: null });
    const article = assembleArticle({
      source: 'test',
      url: PAGE_URL,
      metadata,
      leadImage: image('JaVaScRiPt:alert(9)'),
      images: [image('javascript:alert(9)'), image('https://cdn.example/a.jpg'), image('data:image/png;base64,AAAA'), image(null)],
      blocks: [{ type: 'p', text: 'text' }],
      text: 'text',
      html: '<p>text</p>',
      removals: [],
      explain: false,
    });
    expect(article.leadImage).toBeNull();
    expect(article.images.map((entry) => entry.url)).toEqual(['https://cdn.example/a.jpg', null]);
  });
});
