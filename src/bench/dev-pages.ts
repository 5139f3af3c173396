// src/bench/dev-pages.ts
// Locates the dev sets (../shared/bench/dev by default, or DEV_DIR) and loads their pages.
// Each set folder holds html/<id>.html.gz and truth.jsonl (id, url, text or with/without snippets).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface DevPage {
  set: string;
  id: string;
  url: string;
  /** Raw page bytes, gunzipped. */
  bytes: Buffer;
}

export function devDir(): string {
  const dir = resolve(process.env['DEV_DIR'] ?? join(process.cwd(), '..', 'shared', 'bench', 'dev'));
  if (!existsSync(join(dir, 'score.py'))) {
    throw new Error(`dev sets not found at ${dir} (set DEV_DIR to the folder holding score.py)`);
  }
  return dir;
}

/** The set names: every folder with a truth.jsonl, sorted. */
export function devSets(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'truth.jsonl')))
    .sort();
}

export function loadDevPages(dir: string, sets: readonly string[], limit = Infinity): DevPage[] {
  return sets.flatMap((set) => {
    const rows = readFileSync(join(dir, set, 'truth.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; url?: string });
    return rows.slice(0, limit).flatMap((row) => {
      const path = join(dir, set, 'html', `${row.id}.html.gz`);
      if (!existsSync(path)) return [];
      return [{ set, id: row.id, url: row.url ?? '', bytes: gunzipSync(readFileSync(path)) }];
    });
  });
}
