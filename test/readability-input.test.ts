// test/readability-input.test.ts
// What jsdom gets to build for Readability (prepareForReadability): only the attributes
// Readability reads. jsdom runs every inline style through its CSS engine, and Readability reads
// a style only to tell whether an element is shown, so styles that say nothing of display or
// visibility go, and those that do stay, whatever their spelling.

import { describe, expect, it } from 'vitest';
import { loadPage, prepareForReadability } from '../src/parse/page.js';

describe('prepareForReadability', () => {
  it('keeps inline styles about display or visibility and drops the rest', () => {
    const page = loadPage(
      `<html><head><title>T</title></head><body>
<p style="width: 100px; color: red">Shown, styled.</p>
<p style="DISPLAY : NONE">Hidden in an odd spelling.</p>
<p style="visibility:hidden">Hidden.</p>
<p class="lead" data-track="x">Kept class.</p>
</body></html>`,
      'test',
    );
    prepareForReadability(page);
    const html = page.html();
    expect(html).not.toContain('width: 100px');
    expect(html).toContain('style="DISPLAY : NONE"');
    expect(html).toContain('style="visibility:hidden"');
    expect(html).toContain('class="lead"');
    expect(html).not.toContain('data-track');
  });
});
