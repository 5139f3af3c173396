// test/select.test.ts
// The compiled selector helpers (src/parse/select.ts) stand in for cheerio's find(), closest(),
// parent() and children() in the stages that test selectors element by element: on a real page,
// for every element and a range of selectors, they must give exactly what cheerio gives.

import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { closestElement, compileSelector, findElements, firstElement, hasChild, hasElement, insideMatching, parentElement } from '../src/parse/select.js';

/** A story page of the fixtures, and markup with what the selectors below look for. */
const story = readFileSync(new URL('../fixtures/wrongblock--poll-form-beside-table-story-en/source.html', import.meta.url), 'utf8');
const parts = `<article itemscope><h1 itemprop="Headline name">Title</h1><figure><picture><source srcset="a.jpg"><img src="a.jpg"></picture>
<figcaption class="Media-Caption">A <a href="/x">caption</a></figcaption></figure><div><p>One <a>link</a></p><ul><li><a href="/y">Item</a></li></ul></div>
<aside class="RelatedLinks"><p>Other</p><main><p>Inner</p></main></aside></article>`;
const page = load(story.replace('</body>', `${parts}</body>`));
const elements = page('*').toArray() as Element[];

const SELECTORS = [
  'p',
  'figure',
  'p, a',
  'a[href]',
  'body, article, main',
  'aside, footer, nav, [class*="related" i], [class*="CAPTION" i]',
  '[itemprop~="headline" i]',
  'h1, h2, h3, h4, h5, h6',
  'div > p',
  'li a',
];

describe('compiled selectors give what cheerio gives', () => {
  it('has a page with many elements to check', () => {
    expect(elements.length).toBeGreaterThan(40);
  });

  it.each(SELECTORS)('%s: find, first, has, closest, parents and children', (selector) => {
    const test = compileSelector(selector);
    for (const element of elements) {
      const found = page(element).find(selector).toArray();
      expect(findElements(element, test)).toEqual(found);
      expect(firstElement(element, test)).toBe(found[0] ?? null);
      expect(hasElement(element, test)).toBe(found.length > 0);
      expect(closestElement(element, test)).toBe(page(element).closest(selector).get(0) ?? null);
      expect(hasChild(element, test)).toBe(page(element).children(selector).length > 0);
      expect(parentElement(element)).toBe(page(element).parent().get(0) ?? null);
      expect(insideMatching(element, test)).toBe(page(element).parents(selector).length > 0);
    }
  });
});
