// src/tools/pack-warcs.ts
// `node dist/tools/pack-warcs.js DIR N` packs the ScrapingHub benchmark pages (BENCH_DIR, or
// ../shared/bench) into N plain WARC files DIR/pages-01.warc ... each page behind its request
// record, and prints the paths one a line: a WARC list for examples/slurm/run.sh.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, loadPages } from '../bench/pages.js';
import { WarcFileWriter, writeBenchPage } from '../bench/warc-write.js';

function main(): void {
  const [dir, count] = process.argv.slice(2);
  const files = Number(count);
  if (!dir || !Number.isInteger(files) || files < 1) {
    process.stderr.write('usage: node dist/tools/pack-warcs.js DIR N\n');
    process.exitCode = 2;
    return;
  }
  mkdirSync(dir, { recursive: true });
  const pages = loadPages(benchDir());
  const writers = Array.from({ length: files }, (_, i) => {
    const path = join(dir, `pages-${String(i + 1).padStart(2, '0')}.warc`);
    return { path, writer: new WarcFileWriter(path) };
  });
  pages.forEach((page, i) => {
    writeBenchPage(writers[i % files]!.writer, page);
  });
  for (const { path, writer } of writers) {
    writer.close();
    process.stdout.write(`${path}\n`);
  }
}

main();
