// test/fetch-memory.test.ts
// Peak memory while the 200 MB body and the 1 GB gzip bomb are refused at the default 20 MB cap.
// Each case runs cleanArticle (built dist/) in its own child process, which reports its peak RSS
// (process.resourceUsage().maxRSS), so the test runner's own memory does not blur the number.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFetchServer, type FetchServer } from './helpers/fetch-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_INDEX = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
const LIMIT_MB = 300;

/** Runs in the child: one cleanArticle call with default options, then code and peak RSS as JSON. */
const CHILD = `
const { cleanArticle } = await import(process.env.DIST_INDEX);
let code = 'ok';
try { await cleanArticle(process.env.TARGET); } catch (error) { code = error.code ?? String(error); }
console.log(JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
process.exit(0);
`;

interface ChildReport {
  code: string;
  maxRssMb: number;
}

function measure(target: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', CHILD],
      { cwd: ROOT, timeout: 240_000, encoding: 'utf8', env: { ...process.env, DIST_INDEX, TARGET: target } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as ChildReport)),
    );
  });
}

let web: FetchServer;

beforeAll(async () => {
  web = await startFetchServer();
});

afterAll(async () => {
  await web.close();
});

describe('peak memory of a refused body', () => {
  it.each([
    ['a normal page (baseline)', '/story', 'ok'],
    ['a 200 MB chunked body', '/huge', 'E_TOO_LARGE'],
    ['a 1 GB gzip bomb', '/bomb', 'E_TOO_LARGE'],
  ])(`%s stays under ${LIMIT_MB} MB`, async (name, path, code) => {
    const report = await measure(`${web.base}${path}`);
    // Printed so the numbers can be quoted; the assertion is the limit.
    console.log(`peak RSS, ${name}: ${report.maxRssMb.toFixed(1)} MB (${report.code})`);
    expect(report.code).toBe(code);
    expect(report.maxRssMb).toBeLessThan(LIMIT_MB);
  });
});
