// src/bench/run.ts
// `npm run bench [-- --worst N] [--ablation] [--limit N] [--rounds N] [--batch] [--memory] [--warc] [--startup] [--metadata]`
// Runs clean-article and plain Readability (on jsdom) over the ScrapingHub benchmark in the same
// run, each in a child process, scores both with the benchmark's own score.mjs and prints one table,
// the pages where clean-article does worse than Readability, the worst pages, and optionally an
// ablation table (F1 with each filter turned off).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILTER_NAMES } from '../filters/index.js';
import { runDevBench } from './dev.js';
import { benchDir } from './pages.js';
import { median } from './stats.js';

/** Peers dev-child.ts can run in this process's Node (trafilatura runs in Python, when importable). */
const DEV_PEERS = new Set(['readability', 'defuddle']);

interface RunArgs {
  worst: number;
  ablation: boolean;
  limit: string;
  rounds: number;
  /** --dev: the peers run beside clean-article (`--peers readability,defuddle`, the default). */
  peers: string[];
}

interface Score {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  perDoc: Map<string, number>;
}

interface Timing {
  pagesPerSecond: number;
  medianMs: number;
  peakRssMb: number;
}

const OUT_DIR = '.bench-out';
const CHILD = new URL('./child.js', import.meta.url).pathname;
const BATCH = new URL('./batch.js', import.meta.url).pathname;
const WARC = new URL('./warc.js', import.meta.url).pathname;
const STARTUP = new URL('./startup.js', import.meta.url).pathname;
const METADATA = new URL('./metadata.js', import.meta.url).pathname;
/** A page counts as a regression when its F1 drops by more than this below Readability's. */
const REGRESSION_MARGIN = 0.05;

function parseArgs(argv: string[]): RunArgs {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return {
    worst: Number(value('--worst') ?? 10),
    ablation: argv.includes('--ablation'),
    limit: value('--limit') ?? '',
    rounds: Math.max(1, Number(value('--rounds') ?? 1)),
    peers: (value('--peers') ?? 'readability,defuddle').split(',').filter((peer) => peer !== ''),
  };
}

/** Runs one extractor in a child; returns the predictions file and its timing. */
function runChild(which: string, tag: string, args: RunArgs, disabled: string[] = [], favor = 'balanced'): { predPath: string; timing: Timing } {
  const raw = join(OUT_DIR, `${tag}.raw.jsonl`);
  execFileSync(process.execPath, [CHILD, which, raw, disabled.join(','), args.limit, favor], { stdio: 'inherit' });
  const lines = readFileSync(raw, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const footer = lines.pop() as { maxRssKb: number; wallMs: number };
  const predPath = join(OUT_DIR, `${tag}.pred.jsonl`);
  writeFileSync(predPath, lines.map((line) => JSON.stringify({ id: line.id, articleBody: line.articleBody })).join('\n'));
  return {
    predPath,
    timing: {
      pagesPerSecond: lines.length / (footer.wallMs / 1000),
      medianMs: median(lines.map((line) => line.ms as number)),
      peakRssMb: footer.maxRssKb / 1024,
    },
  };
}

function score(dir: string, predPath: string): Score {
  const out = execFileSync(process.execPath, [join(dir, 'score.mjs'), predPath, '--json', '--worst', '1000'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const json = JSON.parse(out) as Record<string, unknown>;
  const pick = (key: string): number => {
    const entry = json[key] as number | { value?: number; mean?: number };
    return typeof entry === 'number' ? entry : (entry.value ?? entry.mean ?? NaN);
  };
  const worst = (json['worst'] as Array<{ id: string; f1: number }>) ?? [];
  return {
    f1: pick('f1'),
    precision: pick('precision'),
    recall: pick('recall'),
    accuracy: pick('accuracy'),
    perDoc: new Map(worst.map((doc) => [doc.id, doc.f1])),
  };
}

/** The best of several rounds' timings: on a shared, noisy machine the fastest round is the least disturbed. */
function bestTiming(timings: Timing[]): Timing {
  return {
    pagesPerSecond: Math.max(...timings.map((t) => t.pagesPerSecond)),
    medianMs: median(timings.map((t) => t.medianMs)),
    peakRssMb: Math.max(...timings.map((t) => t.peakRssMb)),
  };
}

const f3 = (n: number): string => n.toFixed(3);

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  // --metadata: only the metadata counts (src/bench/metadata.ts), which need no extractor runs.
  if (process.argv.includes('--metadata')) {
    execFileSync(process.execPath, [METADATA, ...process.argv.slice(2).filter((arg) => arg !== '--metadata')], { stdio: 'inherit' });
    return;
  }
  // --dev: the dev sets first (clean-article, Readability, defuddle, trafilatura when importable), then SH-181 below.
  if (process.argv.includes('--dev')) {
    const unknown = args.peers.filter((peer) => !DEV_PEERS.has(peer));
    if (unknown.length > 0)
      throw new Error(`--peers: unknown peer ${unknown.join(', ')} (known: ${[...DEV_PEERS].join(', ')}; trafilatura joins by itself when importable)`);
    runDevBench({
      limit: Number(args.limit) || 0,
      worst: args.worst,
      peers: args.peers,
      variants: { 'favor-precision': { favor: 'precision' }, 'favor-recall': { favor: 'recall' } },
    });
  }
  const dir = benchDir();
  mkdirSync(OUT_DIR, { recursive: true });
  const timings: Record<string, Timing[]> = { readability: [], 'clean-article': [] };
  const preds: Record<string, string> = {};
  // Alternate the extractors round by round so machine noise hits both alike.
  for (let round = 0; round < args.rounds; round++) {
    for (const which of ['readability', 'clean-article']) {
      const { predPath, timing } = runChild(which, which, args);
      preds[which] = predPath;
      timings[which]!.push(timing);
    }
  }
  const scores = Object.fromEntries(Object.entries(preds).map(([which, path]) => [which, score(dir, path)])) as Record<string, Score>;
  const rows = ['readability', 'clean-article'].map((which) => ({ which, s: scores[which]!, t: bestTiming(timings[which]!) }));

  console.log('\n| extractor | F1 | precision | recall | accuracy | pages/s | median ms/page | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { which, s, t } of rows) {
    console.log(
      `| ${which} | ${f3(s.f1)} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.accuracy)} | ${t.pagesPerSecond.toFixed(1)} | ${t.medianMs.toFixed(1)} | ${t.peakRssMb.toFixed(0)} |`,
    );
  }
  const [base, ours] = rows;
  console.log(
    `\nspeed ratio (pages/s, clean-article / readability): ${(ours!.t.pagesPerSecond / base!.t.pagesPerSecond).toFixed(2)}; median ms ratio: ${(base!.t.medianMs / ours!.t.medianMs).toFixed(2)}`,
  );

  const regressions = [...ours!.s.perDoc.entries()]
    .map(([id, f1]) => ({ id, ours: f1, theirs: base!.s.perDoc.get(id) ?? 0 }))
    .filter((doc) => doc.ours < doc.theirs - REGRESSION_MARGIN)
    .sort((a, b) => a.ours - a.theirs - (b.ours - b.theirs));
  console.log(`\npages more than ${REGRESSION_MARGIN} F1 below Readability: ${regressions.length}`);
  for (const doc of regressions) console.log(`  ${doc.id}  ours ${f3(doc.ours)}  readability ${f3(doc.theirs)}`);

  const worst = [...ours!.s.perDoc.entries()].sort((a, b) => a[1] - b[1]).slice(0, args.worst);
  console.log(`\nworst ${args.worst} pages for clean-article (F1):`);
  for (const [id, f1] of worst) console.log(`  ${id}  ${f3(f1)}  (readability ${f3(base!.s.perDoc.get(id) ?? 0)})`);

  if (process.argv.includes('--dev')) {
    // The precision/recall switch on SH-181 too, beside the default row above.
    for (const favor of ['precision', 'recall']) {
      const { predPath } = runChild('clean-article', `favor-${favor}`, args, [], favor);
      const s = score(dir, predPath);
      console.log(`SH-181 --favor-${favor}: F1 ${f3(s.f1)}  P ${f3(s.precision)}  R ${f3(s.recall)}`);
    }
  }
  if (args.ablation) runAblation(dir, args, ours!.s.f1);
  // --batch (-j 1 vs -j 2 pages/s) and --memory (10,000 pages): the real CLI, in src/bench/batch.ts.
  const batchModes = [
    ['--batch', '--speed'],
    ['--memory', '--memory'],
  ]
    .filter(([flag]) => process.argv.includes(flag!))
    .map(([, mode]) => mode!);
  if (batchModes.length > 0) {
    execFileSync(process.execPath, [BATCH, ...batchModes, '--rounds', String(args.rounds), '--readability-pps', String(base!.t.pagesPerSecond)], {
      stdio: 'inherit',
    });
  }
  // --warc: the pages packed in one WARC against the same files, and the 1 GB WARC memory check,
  // in src/bench/warc.ts; a failed memory check makes execFileSync throw, so the bench exits 1.
  if (process.argv.includes('--startup')) execFileSync(process.execPath, [STARTUP], { stdio: 'inherit' });
  if (process.argv.includes('--warc')) execFileSync(process.execPath, [WARC, '--speed', '--memory', '--rounds', String(args.rounds)], { stdio: 'inherit' });
  writeFileSync(
    join(OUT_DIR, 'summary.json'),
    JSON.stringify(
      rows.map(({ which, s, t }) => ({ which, f1: s.f1, precision: s.precision, recall: s.recall, accuracy: s.accuracy, ...t })),
      null,
      2,
    ),
  );
}

function runAblation(dir: string, args: RunArgs, fullF1: number): void {
  console.log('\n| filter turned off | F1 | precision | recall | ΔF1 vs all filters |');
  console.log('|---|---|---|---|---|');
  // Every filter off at once shows what the filters add together over the rest of the pipeline.
  const runs: Array<[string, string[]]> = [['(all filters)', [...FILTER_NAMES]], ...FILTER_NAMES.map((name): [string, string[]] => [name, [name]])];
  for (const [label, disabled] of runs) {
    const { predPath } = runChild('clean-article', `ablation-${disabled.length > 1 ? 'all' : label}`, args, disabled);
    const { f1, precision, recall } = score(dir, predPath);
    const delta = f1 - fullF1;
    console.log(`| ${label} | ${f3(f1)} | ${f3(precision)} | ${f3(recall)} | ${(delta >= 0 ? '+' : '') + delta.toFixed(4)} |`);
  }
}

main();
