// src/bench/fuzz-pages.ts
// The fuzz run's inputs: N mutated benchmark pages (cut short, bytes flipped, tags broken, chunks
// repeated, charsets swapped), seeded so a failing run can be repeated, plus generated hostile
// pages of every kind issue 13 names, at sizes that took minutes before their fixes.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchPage } from './pages.js';

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

/** Writes the mutated and hostile pages into `dir`; returns the file names, in the batch's order. */
export function writeFuzzInputs(dir: string, pages: readonly BenchPage[], mutants: number, seed: number): string[] {
  const next = random(seed);
  const names = Object.keys(MUTATIONS);
  const written: string[] = [];
  for (let i = 0; i < mutants; i++) {
    const name = names[i % names.length]!;
    const source = pages[Math.floor(next() * pages.length)]!;
    const file = `m${String(i).padStart(4, '0')}-${name}.html`;
    writeFileSync(join(dir, file), MUTATIONS[name]!(source.bytes, next));
    written.push(file);
  }
  const story = 'The harbour reopened on Monday after two years of repairs to the quay and its cranes. '.repeat(6);
  for (const [name, html] of Object.entries(hostilePages(story))) {
    writeFileSync(join(dir, `h-${name}.html`), html);
    written.push(`h-${name}.html`);
  }
  // The batch walks the folder sorted; so does this list.
  return written.sort();
}
