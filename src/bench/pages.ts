// src/bench/pages.ts
// Locates the ScrapingHub benchmark (../shared/bench by default, or BENCH_DIR) and loads its pages.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchPage {
  id: string;
  url: string;
  /** Raw page bytes, already gunzipped (the benchmark stores .html.gz). */
  bytes: Buffer;
}

export function benchDir(): string {
  const dir = resolve(process.env['BENCH_DIR'] ?? join(process.cwd(), '..', 'shared', 'bench'));
  if (!existsSync(join(dir, 'score.mjs'))) {
    throw new Error(`benchmark not found at ${dir} (set BENCH_DIR to the folder holding score.mjs)`);
  }
  return dir;
}

export function loadPages(dir: string, limit = Infinity): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'scrapinghub', 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
  const htmlDir = join(dir, 'scrapinghub', 'html');
  return readdirSync(htmlDir)
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .slice(0, limit)
    .map((name) => {
      const id = name.replace(/\.html\.gz$/, '');
      return { id, url: truth[id]?.url ?? '', bytes: gunzipSync(readFileSync(join(htmlDir, name))) };
    });
}
