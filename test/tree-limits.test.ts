// test/tree-limits.test.ts
// Found by the fuzz run (src/bench/fuzz.ts, seed 1): the count before parsing closes a <div> on
// "</div>" wherever it was opened, but the HTML tree builder ignores that end tag inside a table
// cell when the div lies outside the table, so each "<div><table><tr><td></div>" goes five levels
// deeper. A 2 kB chunk of a blog's related-links table repeated 200 times passed the count, was
// 1,418 deep once parsed and took 15 s of CPU. The limits now hold on the tree parse5 built too.

import { describe, expect, it } from 'vitest';
import { load } from '../src/parse/cheerio-load.js';
import { boundedHtml, MAX_DEPTH, MAX_NESTED_TEXT } from '../src/parse/limits.js';
import { treeShape } from '../src/parse/tree-limits.js';
import { cleanRaw } from '../src/pipeline.js';

const paragraph = '<p>The harbour reopened on Monday after two years of repairs to the quay and its cranes.</p>';
const clean = (html: string) => () => cleanRaw({ source: 't', bytes: Buffer.from(html), contentType: null, url: null });
const page = (body: string): string => `<html><head><title>Harbour</title></head><body>${body}</body></html>`;

describe('limits on the parsed tree', () => {
  it('counts depth as parse5 nests it: an end tag inside a table cell does not close a div outside the table', () => {
    const html = page(`${'<div><table><tr><td></div>'.repeat(10)}${paragraph}`);
    // html, body, then div, table, tbody, tr, td ten times, then the <p>.
    expect(treeShape(load(html).root()[0]!).depth).toBe(2 + 5 * 10 + 1);
  });

  it('refuses a page nested past the limit by cells that the count before parsing sees as shallow', () => {
    const levels = Math.ceil(MAX_DEPTH / 5) + 5;
    const html = page(`${'<div><table><tr><td></div>'.repeat(levels)}${paragraph.repeat(6)}`);
    // The count before parsing passes it: this is what only the tree shows.
    expect(boundedHtml(html, 't')).toBe(html);
    expect(clean(html)).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE', message: expect.stringContaining('deep in the parsed page') }));
  });

  it('refuses text nested too deep in such cells, under the depth limit', () => {
    const levels = Math.floor((MAX_DEPTH - 10) / 5);
    const html = page(`${`<div><table><tr><td>${paragraph.repeat(4)}</div>`.repeat(levels)}`);
    expect(boundedHtml(html, 't')).toBe(html);
    const shape = treeShape(load(html).root()[0]!);
    expect(shape.depth).toBeLessThanOrEqual(MAX_DEPTH);
    expect(shape.nestedText).toBeGreaterThan(MAX_NESTED_TEXT);
    expect(clean(html)).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE', message: expect.stringContaining('nested too deep in the parsed page') }));
  });

  it('accepts an ordinary page of tables inside divs', () => {
    const rows = `<table><tr><td>${paragraph}</td></tr></table>`.repeat(4);
    const article = clean(page(`<div><article><h1>Harbour</h1>${paragraph.repeat(4)}<div>${rows}</div></article></div>`))();
    expect(article.text).toContain('repairs to the quay');
  });
});
