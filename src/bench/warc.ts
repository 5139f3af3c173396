// src/bench/warc.ts
// WARC benchmarks of the real CLI, called by run.ts (`npm run bench -- --warc`) or on its own:
//   node dist/bench/warc.js [--speed] [--memory] [--rounds N] [--size-mb N] [--html-pages N]
// --speed: the 181 pages packed into one plain WARC against the same pages as files, both at -j 2,
//   rounds alternated, best pages/s of each, and the F1 of each output.
// --memory: a generated WARC of --size-mb MB (1024 by default), mostly large non-HTML responses
//   plus --html-pages HTML pages (1,000) and their request records. Fails loudly (exit 1) when the
//   CLI's peak RSS (VmHWM) reaches 600 MB or the ok records differ from the HTML responses written.

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyPages, flag, idOfFile, runWithPeak, scoreRecords, timeBatch } from './cli-run.js';
import { benchDir, loadPages, type BenchPage } from './pages.js';
import { WarcFileWriter, writeBenchPage } from './warc-write.js';

const PEAK_RSS_LIMIT_MB = 600;
const MB = 1 << 20;

/** Packs the pages into one WARC, each behind its request record; returns each page's id by offset. */
function packPages(pages: BenchPage[], path: string): Map<number, string> {
  const writer = new WarcFileWriter(path);
  const ids = new Map<number, string>();
  for (const page of pages) ids.set(writeBenchPage(writer, page), page.id);
  writer.close();
  return ids;
}

function speed(pages: BenchPage[], rounds: number): void {
  const folder = copyPages(pages, pages.length);
  const work = mkdtempSync(join(tmpdir(), 'clean-article-bench-warc-'));
  const warc = join(work, 'pages.warc');
  try {
    const ids = packPages(pages, warc);
    const best = { files: 0, warc: 0 };
    for (let round = 0; round < rounds; round++) {
      best.files = Math.max(best.files, timeBatch(folder, 2, join(work, 'files.jsonl')));
      best.warc = Math.max(best.warc, timeBatch(warc, 2, join(work, 'warc.jsonl')));
    }
    const idOfWarc = (source: string): string => ids.get(Number(source.slice(source.lastIndexOf('#') + 1))) ?? source;
    const f1Files = scoreRecords(readFileSync(join(work, 'files.jsonl'), 'utf8'), join(work, 'pred-files.jsonl'), idOfFile);
    const f1Warc = scoreRecords(readFileSync(join(work, 'warc.jsonl'), 'utf8'), join(work, 'pred-warc.jsonl'), idOfWarc);
    console.log(`\n| ${pages.length} pages, -j 2, best of ${rounds} | pages/s | F1 |`);
    console.log('|---|---|---|');
    console.log(`| as files in a folder | ${best.files.toFixed(1)} | ${f1Files.toFixed(3)} |`);
    console.log(`| packed in one WARC | ${best.warc.toFixed(1)} | ${f1Warc.toFixed(3)} |`);
    console.log(`\nWARC / files: ${(best.warc / best.files).toFixed(2)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes the big archive; returns how many HTML 200 responses it holds. */
function generateArchive(pages: BenchPage[], path: string, sizeMb: number, htmlPages: number): number {
  const writer = new WarcFileWriter(path);
  const htmlBytes = Array.from({ length: htmlPages }, (_, i) => pages[i % pages.length]!.bytes.length).reduce((a, b) => a + b, 0);
  // One large media record after every fourth page fills the rest, sizes varied around the mean,
  // plus one 100 MB video so a single huge record is part of the test.
  const big = Math.ceil(htmlPages / 4);
  const mean = Math.max(MB, (sizeMb * MB - htmlBytes - 100 * MB) / big);
  const filler = Buffer.alloc(Math.ceil(mean * 1.5) + 100 * MB, 0x5a);
  const media = ['image/jpeg', 'video/mp4', 'application/pdf', 'application/zip'];
  let html = 0;
  for (let i = 0; i < htmlPages; i++) {
    const page = pages[i % pages.length]!;
    const uri = `https://archive.example/${i}/${page.id}.html`;
    writer.request(uri);
    writer.response({ uri, status: 200, contentType: 'text/html; charset=utf-8', body: page.bytes });
    html++;
    if (i % 50 === 7) writer.response({ uri: `${uri}?gone`, status: 404, contentType: 'text/html', body: Buffer.from('<p>gone</p>') });
    if (i % 4 === 3) {
      const size = i === 503 ? 100 * MB : Math.round(mean * (0.5 + ((i * 37) % 100) / 100));
      writer.response({ uri: `https://archive.example/media/${i}.bin`, status: 200, contentType: media[i % media.length]!, body: filler.subarray(0, size) });
    }
  }
  writer.close();
  return html;
}

async function memory(pages: BenchPage[], sizeMb: number, htmlPages: number): Promise<boolean> {
  const work = mkdtempSync(join(tmpdir(), 'clean-article-bench-warc-'));
  try {
    const archive = join(work, 'big.warc');
    const written = generateArchive(pages, archive, sizeMb, htmlPages);
    const bytes = statSync(archive).size;
    const { peakKb, seconds, exit } = await runWithPeak([archive, '-q'], join(work, 'out.jsonl'));
    const records = readFileSync(join(work, 'out.jsonl'), 'utf8').trim().split('\n').filter(Boolean);
    const ok = records.filter((line) => !('error' in (JSON.parse(line) as object))).length;
    const peakMb = peakKb / 1024;
    console.log(`\n| WARC of ${(bytes / MB).toFixed(0)} MB (${written} HTML responses), -j default | value |`);
    console.log('|---|---|');
    console.log(`| peak RSS (VmHWM of the CLI process, workers are threads in it) | ${peakMb.toFixed(0)} MB |`);
    console.log(`| ok records / HTML responses written | ${ok} / ${written} |`);
    console.log(`| error records | ${records.length - ok} |`);
    console.log(`| wall time | ${seconds.toFixed(0)} s (${(bytes / MB / seconds).toFixed(1)} MB/s, exit ${exit}) |`);
    const failures = [
      peakMb >= PEAK_RSS_LIMIT_MB ? `peak RSS ${peakMb.toFixed(0)} MB is not under ${PEAK_RSS_LIMIT_MB} MB` : '',
      ok !== written ? `${ok} ok records for ${written} HTML responses` : '',
      peakKb === 0 ? 'VmHWM was never read' : '',
    ].filter(Boolean);
    for (const failure of failures) console.error(`WARC MEMORY CHECK FAILED: ${failure}`);
    return failures.length === 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const pages = loadPages(benchDir());
  if (argv.includes('--speed')) speed(pages, Math.max(1, Number(flag(argv, '--rounds') ?? 1)));
  if (argv.includes('--memory')) {
    const passed = await memory(pages, Number(flag(argv, '--size-mb') ?? 1024), Number(flag(argv, '--html-pages') ?? 1000));
    if (!passed) process.exitCode = 1;
  }
}

await main();
