// src/bench/fuzz.ts
// `npm run build && node dist/bench/fuzz.js [--mutants N] [--seed S] [--keep]`: the hardening fuzz run.
// N mutated benchmark pages (cut short, bytes flipped, tags broken, chunks repeated, charsets
// swapped) plus generated hostile pages of every kind issue 13 names, through one batch of the
// real CLI at -j 2 with --page-timeout 10. Passes when every input has a record, none is
// E_INTERNAL, E_WORKER or E_TIMEOUT (so no page ran over 10 s), and peak RSS stays under 1.5 GB;
// exits 1 otherwise.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, runWithPeak } from './cli-run.js';
import { benchDir, loadPages } from './pages.js';

const PEAK_LIMIT_MB = 1536;
const FAILING_CODES = new Set(['E_INTERNAL', 'E_WORKER', 'E_TIMEOUT']);

/** A small deterministic PRNG (mulberry32), so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (page: Buffer, next: () => number) => Buffer;

const MUTATIONS: Record<string, Mutation> = {
  truncate: (page, next) => page.subarray(0, Math.floor(page.length * next())),
  flipBytes: (page, next) => {
    const out = Buffer.from(page);
    for (let i = 0; i < 200; i++) out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
    return out;
  },
  dropClosingBrackets: (page, next) => {
    const text = page.toString('latin1');
    const from = Math.floor(next() * text.length);
    return Buffer.from(text.slice(0, from) + text.slice(from, from + 20_000).replace(/>/g, '') + text.slice(from + 20_000), 'latin1');
  },
  repeatChunk: (page, next) => {
    const from = Math.floor(next() * page.length);
    const chunk = page.subarray(from, from + 2_000);
    return Buffer.concat([page.subarray(0, from), ...Array.from({ length: 200 }, () => chunk), page.subarray(from)]);
  },
  swapCharset: (page, next) => {
    const labels = ['utf-7', 'utf-16le', 'x-unknown', 'shift_jis', 'iso-2022-jp', 'windows-1251', ''];
    const label = labels[Math.floor(next() * labels.length)]!;
    return Buffer.from(page.toString('latin1').replace(/charset\s*=\s*["']?[\w-]+/i, `charset=${label}`), 'latin1');
  },
  unclosedTags: (page, next) => {
    const text = page.toString('latin1');
    const at = Math.floor(next() * text.length);
    const unit = ['<div>', '<table><tr><td>', '<a href="', '<!--', '<script>', '<title>'][Math.floor(next() * 6)]!;
    return Buffer.from(text.slice(0, at) + unit.repeat(500) + text.slice(at), 'latin1');
  },
};

/** Pages built to hurt, each of a kind issue 13 names, at sizes that took minutes before. */
function hostilePages(story: string): Record<string, string> {
  const page = (body: string, head = ''): string => `<html><head><title>Hostile</title>${head}</head><body>${body}</body></html>`;
  return {
    'self-closing-divs': page(`<p>${story}</p>${'<div/>'.repeat(32_000)}`),
    'stray-end-tags': page(`${'</span><div>'.repeat(20_000)}${story}`),
    'quoted-lt': page(`${'<div title="<">'.repeat(20_000)}${story}`),
    'many-inputs': page(`<article><p>${story}</p>${'<input>'.repeat(25_000)}</article>`),
    'many-metas': page(`<p>${story}</p>`, '<meta name="x" content="y">'.repeat(100_000)),
    'unclosed-script': page(`<p>${story}</p>${'<script a'.repeat(120_000)}`),
    'unclosed-comment': page(`<p>${story}</p>${'<!--'.repeat(250_000)}`),
    'unclosed-link': page(`<p>${story}</p>${'<link '.repeat(170_000)}`),
    'huge-src': page(`<article><p>${story}</p><img src="https://x.example/${'a'.repeat(15_000_000)}"></article>`),
    'huge-title': `<html><head><title>${'T'.repeat(15_000_000)}</title></head><body><article><p>${story}</p></article></body></html>`,
    'deep-nesting': page(`${'<div>'.repeat(100_000)}${story}`),
    'nested-quotes': page(`<article>${`<blockquote><p>${story}</p>`.repeat(450)}</article>`),
    'million-empties': page(`${'<span></span>'.repeat(1_000_000)}<article><p>${story}</p></article>`),
    'utf7-markup': page(`<p>${story}</p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-`, '<meta charset="utf-7">'),
    'bare-text': `<title>Hostile</title><p>${story}</p>${'word '.repeat(3_000_000)}`,
    'noscript-text': page(`<article><p>${story}</p><noscript>${'word '.repeat(3_000_000)}</noscript></article>`),
    'huge-json-ld': page(`<p>${story}</p>`, `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${'h '.repeat(6_000_000)}"}</script>`),
    'script-links': page(`<article><p>${story} <a href="JaVaScRiPt:alert(1)">x</a><img src=a.jpg onerror="alert(1)"></p></article>`),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mutants = Number(flag(argv, '--mutants') ?? 300);
  const seed = Number(flag(argv, '--seed') ?? 20261202);
  const next = random(seed);
  const pages = loadPages(benchDir());
  const dir = mkdtempSync(join(tmpdir(), 'clean-article-fuzz-'));
  try {
    const names = Object.keys(MUTATIONS);
    for (let i = 0; i < mutants; i++) {
      const name = names[i % names.length]!;
      const source = pages[Math.floor(next() * pages.length)]!;
      writeFileSync(join(dir, `m${String(i).padStart(4, '0')}-${name}.html`), MUTATIONS[name]!(source.bytes, next));
    }
    const story = 'The harbour reopened on Monday after two years of repairs to the quay and its cranes. '.repeat(6);
    for (const [name, html] of Object.entries(hostilePages(story))) writeFileSync(join(dir, `h-${name}.html`), html);
    const inputs = mutants + Object.keys(hostilePages('')).length;

    const outPath = join(dir, '..', `${dir.split('/').pop()}.jsonl`);
    const { peakKb, seconds } = await runWithPeak([dir, '-j', '2', '-q', '--page-timeout', '10'], outPath);
    const records = readFileSync(outPath, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { source: string; error?: { code: string } });
    rmSync(outPath, { force: true });
    const codes = new Map<string, number>();
    for (const record of records) codes.set(record.error?.code ?? 'ok', (codes.get(record.error?.code ?? 'ok') ?? 0) + 1);
    const bad = records.filter((record) => record.error && FAILING_CODES.has(record.error.code));
    console.log(
      `\nfuzz: ${inputs} inputs (${mutants} mutated benchmark pages, seed ${seed}, and ${inputs - mutants} hostile pages), -j 2, ${seconds.toFixed(0)} s`,
    );
    console.log(
      `records: ${records.length}; ${[...codes.entries()]
        .sort()
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}`,
    );
    console.log(`peak RSS (VmHWM of the CLI process): ${(peakKb / 1024).toFixed(0)} MB`);
    const failures = [
      records.length !== inputs ? `${records.length} records for ${inputs} inputs` : '',
      ...bad.map((record) => `${record.source}: ${record.error!.code}`),
      peakKb / 1024 >= PEAK_LIMIT_MB ? `peak RSS ${(peakKb / 1024).toFixed(0)} MB` : '',
      peakKb === 0 ? 'VmHWM was never read' : '',
    ].filter(Boolean);
    for (const failure of failures) console.error(`FUZZ FAILED: ${failure}`);
    console.log(failures.length === 0 ? 'PASS' : 'FAIL');
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    // --keep leaves the inputs for a failing run to be looked at.
    if (argv.includes('--keep')) console.log(`inputs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
