// src/tools/bundle-worker.ts
// `node dist/tools/bundle-worker.js` (the last step of `npm run build`): bundles the page handler
// (dist/batch/page-handler.js, its modules, jsdom, Readability and the rest of its packages) into
// dist/bundle/worker.cjs with esbuild, cleans a made-up page with it so that V8 compiles what a
// page needs, and saves V8's code cache beside it. A worker then skips resolving, reading and
// compiling ~900 modules (src/batch/worker-bundle.ts). The cache is for this machine's Node, so
// it is built here and never committed or shipped. The manifest is written last: a build that
// stops half-way leaves no manifest, and the workers load the modules as before.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { BUNDLE_FILE, type BundleManifest, CODE_CACHE_FILE, type FileStamp, loadBundle, MANIFEST_FILE, PACKAGE_ROOT, stampOf } from '../batch/worker-bundle.js';
import type { PageRequest } from '../batch/protocol.js';
import { countryNamesFromIntl } from '../metadata/places.js';
import { START_UP_PLUGINS } from './bundle-start-up.js';
import { WARM_UP_PAGES } from './warm-up-pages.js';

/**
 * cheerio's parse5 `load` is read through a path computed at run time (src/parse/cheerio-load.ts),
 * which esbuild cannot follow, so the bundle would load it and parse5 from node_modules. Here it
 * gets the same file by its literal path. A change to that module fails the build here rather
 * than quietly bundle something else.
 */
function cheerioLoadLiteral(path: string, text: string): string {
  const dynamic =
    /const require = createRequire\(import\.meta\.url\);\s*const entry = require\.resolve\('cheerio'\);\s*return require\(join\(dirname\(entry\), 'load-parse\.js'\)\)/;
  if (!dynamic.test(text)) throw new Error(`${path} no longer loads cheerio's load-parse.js as src/tools/bundle-worker.ts expects`);
  const loadParse = join(dirname(createRequire(path).resolve('cheerio')), 'load-parse.js');
  return text.replace(dynamic, `return require(${JSON.stringify(loadParse)})`);
}

/**
 * Packages that read files beside themselves at run time (jsdom's default stylesheet, css-tree's
 * data through createRequire(import.meta.url)) get their real paths, as if they were not bundled.
 * Our own `createRequire(import.meta.url)('name')` (a package loaded on first use) becomes a plain
 * `require('name')`, which esbuild bundles and still runs only on first use; the other uses of
 * import.meta.url get the file's real URL (chrono-node's locales and cheerio's parse5 `load` are
 * still loaded from node_modules, exactly as without the bundle).
 */
const realPaths: esbuild.Plugin = {
  name: 'real-paths',
  setup(build) {
    build.onLoad({ filter: /\.(c|m)?js$/ }, (args) => {
      const original = readFileSync(args.path, 'utf8');
      const isCheerioLoad = args.path === join(PACKAGE_ROOT, 'dist', 'parse', 'cheerio-load.js');
      if (!isCheerioLoad && !/__dirname|__filename|import\.meta\.url|require\.resolve/.test(original)) return undefined;
      const dir = dirname(args.path);
      let text = (isCheerioLoad ? cheerioLoadLiteral(args.path, original) : original).replace(/createRequire\(import\.meta\.url\)\((['"])/g, 'require($1');
      text = text.replace(/import\.meta\.url/g, JSON.stringify(pathToFileURL(args.path).href));
      text = text.replace(/require\.resolve\(\s*(["'])(\.{1,2}\/[^"']*)\1\s*\)/g, (_match, _quote, path: string) => JSON.stringify(join(dir, path)));
      const cjsPaths = /__dirname|__filename/.test(text) ? `var __dirname = ${JSON.stringify(dir)}, __filename = ${JSON.stringify(args.path)};\n` : '';
      return { contents: cjsPaths + text, loader: 'js' };
    });
  },
};

/**
 * esbuild leaves some characters in regular expressions unescaped (Readability's word lists).
 * One non-ASCII character would make V8 hold the whole 6 MB script as UTF-16, twice the memory
 * and slower to read, so each becomes its \u escape, which means the same in strings, regular
 * expressions and identifiers. One right after a backslash would change meaning: refuse it.
 */
function toAscii(source: string): string {
  return source.replace(/(\\*)([^\p{ASCII}])/gu, (_match, backslashes: string, char: string) => {
    if (backslashes.length % 2 === 1) throw new Error(`cannot escape an escaped ${JSON.stringify(char)} in the bundle`);
    // A character outside the BMP becomes its two surrogates, as a \u escape can only say.
    const units = char.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return backslashes + units.join('');
  });
}

async function bundle(): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [join(PACKAGE_ROOT, 'dist', 'batch', 'page-handler.js')],
    absWorkingDir: PACKAGE_ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    minify: true,
    keepNames: true,
    charset: 'ascii',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: [...START_UP_PLUGINS, realPaths],
    // Data the modules read from ICU at run time, read once here (src/metadata/places.ts).
    define: { CLEAN_ARTICLE_COUNTRY_NAMES: JSON.stringify(countryNamesFromIntl()) },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild wrote nothing');
  writeFileSync(BUNDLE_FILE, toAscii(output.text), 'latin1');
  return Object.keys(result.metafile.inputs);
}

/**
 * What the manifest watches: our own modules, and of each package only its package.json (an
 * install or update rewrites it; stating all ~1,400 files would cost a page ~50 ms).
 */
function watchedFiles(inputs: string[]): string[] {
  const watched = new Set<string>();
  for (const input of inputs) {
    // '<define:NAME>' is esbuild's name for a defined value, made by this Node (which the manifest records).
    if (input.startsWith('<define:')) continue;
    const packageDir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    watched.add(packageDir ? `${packageDir}/package.json` : input);
  }
  return [...watched].sort();
}

/** Cleans the warm-up pages so V8 compiles their code, then returns that code as a cache. */
async function codeCache(): Promise<Buffer> {
  const { handlePage, script } = loadBundle({ node: process.version, hasCodeCache: false });
  for (const [index, page] of WARM_UP_PAGES.entries()) {
    const request: PageRequest = {
      id: index,
      source: page.name,
      bytes: Buffer.from(page.text),
      contentType: null,
      url: page.url,
      options: {},
      layout: 'pretty',
    };
    const reply = await handlePage(request);
    if (!reply?.ok) throw new Error(`the bundle failed on the warm-up page ${page.name}: ${reply ? reply.message : 'no reply'}`);
  }
  return script.createCachedData();
}

async function main(): Promise<void> {
  rmSync(dirname(BUNDLE_FILE), { recursive: true, force: true });
  mkdirSync(dirname(BUNDLE_FILE), { recursive: true });
  const inputs = await bundle();
  writeFileSync(CODE_CACHE_FILE, await codeCache());
  const stamps = [relative(PACKAGE_ROOT, BUNDLE_FILE), relative(PACKAGE_ROOT, CODE_CACHE_FILE), ...watchedFiles(inputs)].map((path) => {
    const stamp = stampOf(path);
    if (!stamp) throw new Error(`${path} vanished during the build`);
    return stamp;
  });
  const manifest: BundleManifest = { node: process.version, hasCodeCache: true, files: stamps satisfies FileStamp[] };
  writeFileSync(MANIFEST_FILE, `${JSON.stringify(manifest)}\n`);
  console.log(`worker bundle: ${relative(process.cwd(), BUNDLE_FILE)} from ${inputs.length} files, with its V8 code cache`);
}

main().catch((error: unknown) => {
  rmSync(dirname(BUNDLE_FILE), { recursive: true, force: true });
  console.error(`bundle-worker: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
