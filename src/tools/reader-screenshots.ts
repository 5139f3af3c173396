// src/tools/reader-screenshots.ts
// `npm run build && node dist/tools/reader-screenshots.js PAGE OUT-DIR` renders PAGE with
// --format html and photographs it in headless Chromium (Debian's `chromium`), at a desktop and
// a phone width, in light and dark colour schemes, as OUT-DIR/<width>-<scheme>.png. A check to
// run and look at, not a test: it needs a browser.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BIN = new URL('../../bin/clean-article.js', import.meta.url).pathname;
const SIZES = [
  ['desktop', '1280,1600'],
  ['phone', '390,1600'],
] as const;

function main(): void {
  const [page, outDir] = process.argv.slice(2);
  if (!page || !outDir) {
    process.stderr.write('usage: node dist/tools/reader-screenshots.js PAGE OUT-DIR\n');
    process.exitCode = 2;
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const htmlPath = resolve(outDir, 'reader.html');
  writeFileSync(htmlPath, execFileSync(process.execPath, [BIN, page, '--format', 'html']));
  for (const [name, size] of SIZES) {
    for (const scheme of ['light', 'dark']) {
      const shot = resolve(join(outDir, `${name}-${scheme}.png`));
      const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${size}`, `--screenshot=${shot}`];
      // Chromium answers prefers-color-scheme: dark when forced into dark mode.
      if (scheme === 'dark') flags.push('--force-dark-mode');
      execFileSync('chromium', [...flags, `file://${htmlPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
      process.stdout.write(`${shot}\n`);
    }
  }
}

main();
