// src/bench/dev-child.ts
// One extractor over every dev-set page, in its own process.
//   node dist/bench/dev-child.js <clean-article|readability|defuddle> <out-dir> <options-json> <limit> <start> <count>
// Reads pages [start, start + count) of the dev sets (each set cut to `limit` pages when > 0), and
// writes <out-dir>/<set>/<id>.txt per page and <out-dir>/timing-<start>.json ({times, wallMs}).
// The runner starts one child per slice: a jsdom window that has parsed a page is not all given
// back on close, so one process over a thousand large pages runs out of heap.
// Every extractor gets the same decoded text (the tool's charset logic, as the dev README asks).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeBytes } from '../decode/charset.js';
import { cleanRaw } from '../pipeline.js';
import type { CleanOptions } from '../types.js';
import { devDir, devSets, loadDevPages, type DevPage } from './dev-pages.js';

type Extract = (page: DevPage) => Promise<string>;

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'BLOCKQUOTE',
  'PRE',
  'BR',
  'SECTION',
  'ARTICLE',
  'FIGCAPTION',
  'TD',
  'TH',
  'DD',
  'DT',
]);

/**
 * The text of a peer's HTML output with a line break after every block: textContent alone glues
 * "end</p><p>Start" into one token, which would cost the peers shingles they did find.
 */
function blockText(root: Element): string {
  const document = root.ownerDocument;
  for (const element of [...root.querySelectorAll('*')]) {
    if (BLOCK_TAGS.has(element.tagName)) element.after(document.createTextNode('\n'));
  }
  return (root.textContent ?? '').replace(/[ \t]*\n\s*/g, '\n').trim();
}

function jsdomOf(page: DevPage): JSDOM {
  const { text } = decodeBytes(page.bytes, null);
  return new JSDOM(text, { url: page.url || undefined, virtualConsole: new VirtualConsole() });
}

const plainReadability: Extract = async (page) => {
  const dom = jsdomOf(page);
  try {
    const parsed = new Readability(dom.window.document).parse();
    if (!parsed?.content) return '';
    const holder = dom.window.document.createElement('div');
    holder.innerHTML = parsed.content;
    return blockText(holder);
  } finally {
    dom.window.close();
  }
};

const defuddle: Extract = async (page) => {
  const { Defuddle } = await import('defuddle/node');
  const dom = jsdomOf(page);
  try {
    const result = await Defuddle(dom, page.url || undefined);
    const holder = dom.window.document.createElement('div');
    holder.innerHTML = result.content ?? '';
    return blockText(holder);
  } finally {
    dom.window.close();
  }
};

function cleanArticle(options: CleanOptions): Extract {
  return async (page) => cleanRaw({ source: page.id, bytes: page.bytes, contentType: null, url: page.url || null }, options).text;
}

async function main(): Promise<void> {
  const [which, outDir, optionsArg = '{}', limitArg = '0', startArg = '0', countArg = 'Infinity'] = process.argv.slice(2);
  const extractors: Record<string, Extract> = {
    readability: plainReadability,
    defuddle,
    'clean-article': cleanArticle(JSON.parse(optionsArg) as CleanOptions),
  };
  const extract = which ? extractors[which] : undefined;
  if (!outDir || !extract) throw new Error('usage: dev-child.js <clean-article|readability|defuddle> <out-dir> <options-json> <limit> <start> <count>');
  const limit = Number(limitArg);
  const dir = devDir();
  const start = Number(startArg);
  const pages = loadDevPages(dir, devSets(dir), limit > 0 ? limit : Infinity).slice(start, start + Number(countArg));
  const times: number[] = [];
  const started = performance.now();
  for (const page of pages) {
    const t0 = performance.now();
    let text = '';
    try {
      text = await extract(page);
    } catch {
      text = '';
    }
    times.push(performance.now() - t0);
    mkdirSync(join(outDir, page.set), { recursive: true });
    writeFileSync(join(outDir, page.set, `${page.id}.txt`), text);
  }
  writeFileSync(join(outDir, `timing-${start}.json`), JSON.stringify({ times, wallMs: performance.now() - started }));
}

await main();
