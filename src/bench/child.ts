// src/bench/child.ts
// One extractor over every benchmark page, in its own process so its peak RSS is its own.
//   node dist/bench/child.js <clean-article|readability> <out.jsonl> [disabled,filters] [limit] [precision|balanced|recall]
// Writes one {id, articleBody, ms} line per page, then a final {maxRssKb, wallMs} line.

import { writeFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanRaw } from '../pipeline.js';
import type { Favor } from '../types.js';
import { benchDir, loadPages, type BenchPage } from './pages.js';

type Extract = (page: BenchPage) => string;

/** Plain Readability as its README shows it: jsdom from the text, then parse(). */
const plainReadability: Extract = (page) => {
  // The pages are UTF-8, mostly undeclared: decode them ourselves, as the benchmark README says.
  const html = new TextDecoder('utf-8').decode(page.bytes);
  const dom = new JSDOM(html, { url: page.url || undefined, virtualConsole: new VirtualConsole() });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } finally {
    dom.window.close();
  }
};

function cleanArticleExtractor(disabled: string[], favor: Favor): Extract {
  return (page) => {
    try {
      return cleanRaw({ source: page.id, bytes: page.bytes, contentType: null, url: page.url || null }, { disabledFilters: disabled, favor }).text;
    } catch {
      return '';
    }
  };
}

function main(): void {
  const [which, outPath, disabledArg = '', limitArg = '', favorArg = 'balanced'] = process.argv.slice(2);
  if (!outPath || (which !== 'clean-article' && which !== 'readability')) {
    throw new Error('usage: child.js <clean-article|readability> <out.jsonl> [disabled] [limit] [favor]');
  }
  // A missing or non-positive limit means every page.
  const limit = Number(limitArg);
  const pages = loadPages(benchDir(), limit > 0 ? limit : Infinity);
  const extract = which === 'readability' ? plainReadability : cleanArticleExtractor(disabledArg.split(',').filter(Boolean), favorArg as Favor);
  const lines: string[] = [];
  const started = performance.now();
  for (const page of pages) {
    const t0 = performance.now();
    let articleBody = '';
    try {
      articleBody = extract(page);
    } catch {
      articleBody = '';
    }
    lines.push(JSON.stringify({ id: page.id, articleBody, ms: performance.now() - t0 }));
  }
  const wallMs = performance.now() - started;
  lines.push(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, wallMs }));
  writeFileSync(outPath, `${lines.join('\n')}\n`);
}

main();
