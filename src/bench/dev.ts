// src/bench/dev.ts
// `npm run bench -- --dev [--limit N] [--worst N] [--peers readability,defuddle]`
// Runs clean-article and its peers over the dev sets (../shared/bench/dev) in one run, each in its
// own process, scores each with the sets' own score.py (Python 3, stdlib) and prints F1/P/R per
// set side by side, then the pages where clean-article is furthest below the best peer.
// trafilatura joins when `python3 -c 'import trafilatura'` works (dev-trafilatura.py runs it).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { devDir, devSets, loadDevPages } from './dev-pages.js';
import { median } from './stats.js';

const OUT_DIR = join('.bench-out', 'dev');
const CHILD = new URL('./dev-child.js', import.meta.url).pathname;
const TRAFILATURA = new URL('../../src/bench/dev-trafilatura.py', import.meta.url).pathname;
/** Pages per child process (see dev-child.ts: jsdom does not give every page back). */
const SLICE = 100;

interface Metrics {
  f1: number;
  precision: number;
  recall: number;
}
/** One score.py row: a set's full-text or snippet score. */
type SetScores = Record<string, { fulltext?: Metrics; snippets?: Metrics }>;
/** Per page: its F1 (full text) or snippet F1, by `set/id`. */
type PageScores = Map<string, number>;

export interface DevRunOptions {
  limit: number;
  worst: number;
  peers: string[];
  /** Extra clean-article variants: label -> CleanOptions. */
  variants: Record<string, object>;
}

function trafilaturaAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import trafilatura'], { stdio: 'ignore' }).status === 0;
}

function runExtractor(which: string, label: string, options: object, limit: number): { dir: string; pagesPerSecond: number; medianMs: number } {
  const dir = join(OUT_DIR, label);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (which === 'trafilatura') {
    execFileSync('python3', [TRAFILATURA, devDir(), dir, String(limit)], { stdio: 'inherit' });
  } else {
    const total = loadDevPages(devDir(), devSets(devDir()), limit > 0 ? limit : Infinity).length;
    for (let start = 0; start < total; start += SLICE) {
      execFileSync(process.execPath, [CHILD, which, dir, JSON.stringify(options), String(limit), String(start), String(SLICE)], { stdio: 'inherit' });
    }
    const slices = readdirSync(dir)
      .filter((name) => /^timing-\d+\.json$/.test(name))
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { times: number[]; wallMs: number });
    const times = slices.flatMap((slice) => slice.times);
    const wallMs = slices.reduce((sum, slice) => sum + slice.wallMs, 0);
    writeFileSync(join(dir, 'timing.json'), JSON.stringify({ pages: times.length, wallMs, medianMs: median(times) }));
  }
  const timing = JSON.parse(readFileSync(join(dir, 'timing.json'), 'utf8')) as { pages: number; wallMs: number; medianMs: number };
  return { dir, pagesPerSecond: timing.pages / (timing.wallMs / 1000), medianMs: timing.medianMs };
}

function pageF1(doc: Record<string, unknown>): number | null {
  if (typeof doc['precision'] === 'number' && typeof doc['recall'] === 'number') {
    const p = doc['precision'];
    const r = doc['recall'];
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  }
  if (Array.isArray(doc['with_missed'])) {
    const missed = (doc['with_missed'] as unknown[]).length;
    const leaked = (doc['without_found'] as unknown[]).length;
    return 1 / (1 + missed + leaked);
  }
  return null;
}

function scoreDir(predDir: string, limit: number): { sets: SetScores; pages: PageScores } {
  const json = join(predDir, 'score.json');
  const perDoc = join(predDir, 'perdoc.jsonl');
  const args = [join(devDir(), 'score.py'), '--pred-dir', predDir, '--json', json, '--per-doc', perDoc, '--n-bootstrap', '0'];
  if (limit > 0) args.push('--limit', String(limit));
  execFileSync('python3', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const results = (JSON.parse(readFileSync(json, 'utf8')) as { results: Record<string, { ALL: SetScores[string] }> }).results;
  const sets: SetScores = Object.fromEntries(Object.entries(results).map(([set, groups]) => [set, groups.ALL]));
  const pages: PageScores = new Map();
  for (const line of readFileSync(perDoc, 'utf8').split('\n').filter(Boolean)) {
    const doc = JSON.parse(line) as Record<string, unknown>;
    const f1 = pageF1(doc);
    if (f1 !== null) pages.set(`${doc['set']}/${doc['id']}`, f1);
  }
  return { sets, pages };
}

const f3 = (n: number | undefined): string => (n === undefined ? '-' : n.toFixed(3));

export function runDevBench(options: DevRunOptions): void {
  const peers = [...options.peers];
  if (trafilaturaAvailable()) peers.push('trafilatura');
  else console.log('trafilatura: not importable by python3 here, left out of this run');
  const labels = [...peers, 'clean-article', ...Object.keys(options.variants)];
  const runs = labels.map((label) => {
    const which = label in options.variants ? 'clean-article' : label;
    const { dir, pagesPerSecond, medianMs } = runExtractor(which, label, options.variants[label] ?? {}, options.limit);
    return { label, pagesPerSecond, medianMs, ...scoreDir(dir, options.limit) };
  });

  const setNames = Object.keys(runs[0]!.sets);
  console.log(`\n| dev set | kind | ${labels.join(' | ')} | clean-article - best peer |`);
  console.log(`|---|---|${labels.map(() => '---|').join('')}---|`);
  for (const set of setNames) {
    for (const kind of ['fulltext', 'snippets'] as const) {
      if (!runs[0]!.sets[set]?.[kind]) continue;
      const cells = runs.map((run) => run.sets[set]?.[kind]);
      const ours = runs.find((run) => run.label === 'clean-article')!.sets[set]?.[kind]?.f1 ?? 0;
      const bestPeer = Math.max(...runs.filter((run) => peers.includes(run.label)).map((run) => run.sets[set]?.[kind]?.f1 ?? 0));
      const text = cells.map((m) => `${f3(m?.f1)} (P ${f3(m?.precision)} R ${f3(m?.recall)})`);
      console.log(`| ${set} | ${kind} | ${text.join(' | ')} | ${ours - bestPeer >= 0 ? '+' : ''}${(ours - bestPeer).toFixed(3)} |`);
    }
  }
  console.log(
    `\nin-process speed, same run (pages/s, median ms/page): ${runs.map((run) => `${run.label} ${run.pagesPerSecond.toFixed(1)}, ${run.medianMs.toFixed(0)} ms`).join('; ')}`,
  );

  const ours = runs.find((run) => run.label === 'clean-article')!;
  const gaps = [...ours.pages.entries()].map(([key, f1]) => {
    const best = runs
      .filter((run) => peers.includes(run.label))
      .map((run) => ({ label: run.label, f1: run.pages.get(key) ?? 0 }))
      .sort((a, b) => b.f1 - a.f1)[0]!;
    return { key, ours: f1, best };
  });
  gaps.sort((a, b) => a.ours - a.best.f1 - (b.ours - b.best.f1));
  console.log(`\n${options.worst} pages where clean-article is furthest below the best peer (page F1):`);
  for (const gap of gaps.slice(0, options.worst)) {
    console.log(`  ${gap.key}  ours ${f3(gap.ours)}  ${gap.best.label} ${f3(gap.best.f1)}`);
  }
}
