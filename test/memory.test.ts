// test/memory.test.ts
// Cleaning page after page must not grow the heap: jsdom keeps a parsed page alive through its
// window (named properties, selector-engine listeners) unless the pipeline releases it. Runs the
// built pipeline in a child with --expose-gc, so the heap can be measured after full collections.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SCRIPT = `
const { cleanRaw } = await import(${JSON.stringify(new URL('../dist/pipeline.js', import.meta.url).href)});
const rows = Array.from({ length: 300 }, (_, i) => '<div id="box-' + i + '" class="row"><p>Row ' + i + ' of the council budget table, with a figure for each district.</p></div>').join('');
const html = '<!doctype html><html><head><title>Budget</title></head><body><header id="top"><nav id="menu"><a href="/">Home</a></nav></header>'
  + '<article id="story"><h1>Council passes budget</h1>' + rows + '</article><footer id="foot">Footer</footer></body></html>';
const page = { source: 'memory', bytes: Buffer.from(html), contentType: null, url: 'https://example.test/budget' };
const clean = () => cleanRaw(page, {});
for (let i = 0; i < 20; i++) clean();
gc(); const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 150; i++) clean();
gc(); const after = process.memoryUsage().heapUsed;
process.stdout.write(JSON.stringify({ growthMb: (after - before) / 1e6 }));
`;

describe('memory', () => {
  it('cleaning the same page 150 times leaves the heap where it was', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 240_000 });
    const { growthMb } = JSON.parse(out) as { growthMb: number };
    // Unreleased, each of these pages keeps about half a megabyte alive: some 75 MB in all.
    expect(growthMb).toBeLessThan(15);
  });
});
