// test/fallback.test.ts
// The recall fallbacks: each method is tried only when the one before gives too few words.

import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractWithFallbacks, largestTextBlock, MIN_ARTICLE_WORDS } from '../src/extract/fallback.js';
import type { ExtractedContent } from '../src/extract/readability.js';
import { createDomParser } from '../src/parse/dom.js';

const sentence = (n: number): string => `Sentence number ${n} tells the reader something new about the harbour works.`;
const paragraphs = (count: number): string => Array.from({ length: count }, (_, i) => `<p>${sentence(i)}</p>`).join('');
const content = (html: string): ExtractedContent => ({
  html,
  title: null,
  byline: null,
  excerpt: null,
  siteName: null,
  lang: null,
  publishedTime: null,
  method: 'readability',
});

describe('largestTextBlock', () => {
  it('picks the element whose own paragraphs hold the most text', () => {
    const $ = cheerio.load(`<body><div id="rail"><p>Short teaser.</p></div><div id="story">${paragraphs(5)}</div></body>`);
    expect(largestTextBlock($)?.html).toContain(sentence(4));
    expect(largestTextBlock($)?.html).not.toContain('Short teaser');
  });

  it('returns null for a page without paragraphs', () => {
    expect(largestTextBlock(cheerio.load('<body><div>nothing</div></body>'))).toBeNull();
  });
});

describe('extractWithFallbacks', () => {
  const parser = createDomParser();
  const longPage = `<html><body><article>${paragraphs(12)}</article></body></html>`;

  it('keeps a long enough first extraction without trying anything else', () => {
    const first = content(paragraphs(12));
    let parsed = 0;
    const result = extractWithFallbacks(first, {
      parse: () => {
        parsed++;
        return parser.parse(longPage, null, 't');
      },
      articleBody: null,
      page: cheerio.load(longPage),
    });
    expect(result).toBe(first);
    expect(parsed).toBe(0);
  });

  it('uses the JSON-LD articleBody when Readability gives only a teaser', () => {
    const teaserPage = '<html><body><article><p>Only a teaser here.</p></article></body></html>';
    const body = Array.from({ length: 12 }, (_, i) => sentence(i)).join('\n\n');
    const result = extractWithFallbacks(content('<p>Only a teaser here.</p>'), {
      parse: () => parser.parse(teaserPage, null, 't'),
      articleBody: body,
      page: cheerio.load(teaserPage),
    });
    expect(result?.method).toBe('json-ld');
    expect(result?.html).toContain(sentence(11));
  });

  it('falls back to the largest block when nothing else has enough words', () => {
    const page = `<html><body><div><div><p>tiny</p></div><div class="x">${paragraphs(12)}</div></div></body></html>`;
    const result = extractWithFallbacks(null, {
      parse: () => parser.parse('<html><body></body></html>', null, 't'),
      articleBody: null,
      page: cheerio.load(page),
    });
    expect(result?.method).toBe('largest-block');
    expect(MIN_ARTICLE_WORDS).toBeGreaterThan(0);
  });

  it('returns null when every method comes back empty', () => {
    const empty = '<html><body></body></html>';
    expect(extractWithFallbacks(null, { parse: () => parser.parse(empty, null, 't'), articleBody: null, page: cheerio.load(empty) })).toBeNull();
  });
});
