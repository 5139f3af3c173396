// test/helpers/batch.ts
// Runs the built CLI as a real process for the batch tests, and builds folders of pages for them.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLE_PARAGRAPHS, articleHtml } from './article-page.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'clean-article.js');
/** The test-only markers of src/batch/worker.ts (active with CLEAN_ARTICLE_TEST_HOOKS=1). */
export const HANG_PAGE = '<html><body><!--clean-article-test-hook:hang--><p>never cleaned</p></body></html>';
export const CRASH_PAGE = '<html><body><!--clean-article-test-hook:crash--><p>never cleaned</p></body></html>';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface SpawnedCli {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/** Starts bin/clean-article.js with the test hooks on; `done` settles whatever the exit. */
export function startCli(args: readonly string[], options: { stdin?: string; killAfterMs?: number } = {}): SpawnedCli {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, CLEAN_ARTICLE_TEST_HOOKS: '1', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  // A hard stop so a broken batch fails its test instead of hanging the suite.
  const guard = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 240_000);
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
  return { child, done };
}

export function runCliProcess(args: readonly string[], options: { stdin?: string } = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A good page whose title carries `n`, so each output differs. */
export function numberedPage(n: number): string {
  return articleHtml({ title: `Harbour bridge story number ${n} reopens after repairs` });
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/**
 * Every file under `root` (hidden ones too) with its content, keyed by relative path. While a run
 * is still writing, a temporary file can be renamed away between listing and reading it; such a
 * file is simply not there yet, so it is skipped.
 */
export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      try {
        if (statSync(path).isDirectory()) visit(path);
        else out[relative(root, path)] = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };
  visit(root);
  return out;
}

export { ARTICLE_PARAGRAPHS };
