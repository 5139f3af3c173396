// test/tag-queries.test.ts
// The documents Readability reads answer querySelectorAll for plain tag lists by walking the
// tree (src/parse/tag-queries.ts). They must give what jsdom's own selector engine gives: the
// same elements in the same order, for the document and for every element of a real page.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { speedUpTagQueries } from '../src/parse/tag-queries.js';

function documentIn(fast: boolean, html: string): Document {
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
  if (fast) speedUpTagQueries(window);
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  // Each element numbered in tree order, so two documents' answers can be compared.
  for (const [index, element] of [...document.getElementsByTagName('*')].entries()) element.setAttribute('data-n', String(index));
  return document;
}

const numbers = (found: ArrayLike<Element>): string[] => Array.from(found, (element) => element.getAttribute('data-n') ?? '?');

const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'wrongblock--topic-widget-longer-than-brief-en', 'source.html'), 'utf8');
const SVG = '<svg><a href="#x"><text>svg link</text></a></svg>';

describe('speedUpTagQueries', () => {
  const plain = documentIn(false, page + SVG);
  const fast = documentIn(true, page + SVG);
  const tagLists = ['a', 'p,td,pre', 'h1,h2', 'img,picture,figure,video,audio,source', 'ul,ol', 'div', '*', 'br,p', 'nosuchtag'];

  it('gives the selector engine’s answer for plain tag lists, from the document and from every element', () => {
    const plainElements = [...plain.getElementsByTagName('*')];
    const fastElements = [...fast.getElementsByTagName('*')];
    expect(fastElements.length).toBe(plainElements.length);
    for (const tags of tagLists) {
      expect(numbers(fast.querySelectorAll(tags)), tags).toEqual(numbers(plain.querySelectorAll(tags)));
      fastElements.forEach((element, index) => {
        expect(numbers(element.querySelectorAll(tags)), `${tags} under #${index}`).toEqual(numbers(plainElements[index]!.querySelectorAll(tags)));
      });
    }
    // The page has what the lists ask for, so the comparison above is not between empty lists.
    expect(fast.querySelectorAll('p,td,pre').length).toBeGreaterThan(5);
    expect(fast.querySelectorAll('a').length).toBeGreaterThan(5);
  });

  it('leaves every other selector to the selector engine, errors included', () => {
    for (const selector of ['div > p', 'a[href]', '.story p', 'p, td', 'H1']) {
      expect(numbers(fast.querySelectorAll(selector)), selector).toEqual(numbers(plain.querySelectorAll(selector)));
    }
    expect(() => fast.querySelectorAll('p[')).toThrow();
  });

  it('returns a list that later changes to the tree leave alone, as the engine’s is', () => {
    const document = documentIn(true, '<p>one</p><p>two</p>');
    const found = document.querySelectorAll('p');
    document.body.append(document.createElement('p'));
    expect(found.length).toBe(2);
  });
});
