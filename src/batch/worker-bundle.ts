// src/batch/worker-bundle.ts
// The worker bundle (dist/bundle/, made by `npm run build`, see src/tools/bundle-worker.ts): the
// page handler with the whole pipeline, jsdom and Readability in one script, and V8's compiled
// code for it. A worker that loads it reads two files instead of resolving, reading and
// compiling some 900 modules, which is most of a single page's start-up. It is used only while
// every file it was built from is unchanged; otherwise the worker loads the modules as they are.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { handlePage } from './page-handler.js';

export type HandlePage = typeof handlePage;

export const PACKAGE_ROOT: string = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE_FILE: string = join(PACKAGE_ROOT, 'dist', 'bundle', 'worker.cjs');
export const CODE_CACHE_FILE: string = `${BUNDLE_FILE}.cache`;
/** Written last by the build: without it (or with any file in it changed) the bundle is not used. */
export const MANIFEST_FILE: string = join(PACKAGE_ROOT, 'dist', 'bundle', 'manifest.json');

/** A file as it was when the bundle was built: path from the package root, size, mtime. */
export type FileStamp = [path: string, size: number, mtimeMs: number];

export interface BundleManifest {
  /** The Node version that compiled the code cache; V8 refuses a cache from another one anyway. */
  node: string;
  /** The bundle, its code cache (if any), then every file the bundle was made from. */
  files: FileStamp[];
  hasCodeCache: boolean;
}

export function stampOf(path: string, root = PACKAGE_ROOT): FileStamp | null {
  const stat = statSync(join(root, path), { throwIfNoEntry: false });
  return stat ? [path, stat.size, stat.mtimeMs] : null;
}

/**
 * The manifest when the bundle is there and every file it lists is unchanged, else null. About
 * 170 stat calls: a few milliseconds.
 */
export function freshManifest(manifestFile = MANIFEST_FILE, root = PACKAGE_ROOT): BundleManifest | null {
  if (!existsSync(manifestFile)) return null;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BundleManifest;
    const unchanged = manifest.files.every(([path, size, mtimeMs]) => {
      const now = stampOf(path, root);
      return now !== null && now[1] === size && now[2] === mtimeMs;
    });
    return unchanged ? manifest : null;
  } catch {
    return null;
  }
}

export interface LoadedBundle {
  handlePage: HandlePage;
  /** The compiled script, so the build can write its code cache after a warm-up page. */
  script: Script;
  codeCache: 'used' | 'rejected' | 'none';
}

/**
 * Runs the bundle as Node runs a CommonJS module, with the code cache when it was made by this
 * Node. The build checks the bundle is ASCII, so reading it as latin1 gives the same text, faster.
 */
export function loadBundle(manifest: Pick<BundleManifest, 'node' | 'hasCodeCache'>): LoadedBundle {
  const source = readFileSync(BUNDLE_FILE, 'latin1');
  const cachedData = manifest.hasCodeCache && manifest.node === process.version ? readFileSync(CODE_CACHE_FILE) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE_FILE, cachedData });
  const module = { exports: {} as { handlePage?: HandlePage } };
  script.runInThisContext()(module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, dirname(BUNDLE_FILE));
  if (typeof module.exports.handlePage !== 'function') throw new Error(`${BUNDLE_FILE} exports no handlePage`);
  const codeCache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { handlePage: module.exports.handlePage, script, codeCache };
}
