// src/parse/cheerio-load.ts
// cheerio's parse5 `load`, without the rest of cheerio's main entry. That entry also loads its
// URL fetcher and stream decoders (undici, encoding-sniffer, parse5-parser-stream, whatwg-mimetype),
// which no stage here uses: about 0.2 s of every process start, and a single page pays it once.
// The file is cheerio's own build of `load` (the same function the main entry re-exports), read
// through its path because cheerio's export map names only the whole entry and the htmlparser2
// `slim` one, and the slim parser would change the trees every stage sees.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Cheerio from 'cheerio';

type Load = typeof Cheerio.load;

/**
 * cheerio's `load`: parse5, scripting on, as `import { load } from 'cheerio'` gives it. Read on
 * the first call, so a text dump, which never builds a DOM, does not load parse5 at all.
 */
export const load: Load = (...args) => {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('cheerio');
  return (require(join(dirname(entry), 'load-parse.js')) as { load: Load }).load(...args);
};
