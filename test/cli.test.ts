// test/cli.test.ts
// The CLI contract: runCli() with injected stdin/stdout/stderr for behaviour and every error code,
// plus a few real `node bin/clean-article.js` processes for exit codes. Servers listen on 127.0.0.1
// only and are started and stopped here.

import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTER_NAMES } from '../src/index.js';
import { VERSION } from '../src/version.js';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, SUBSCRIBE_LINE, articleHtml } from './helpers/article-page.js';
import { type CliResult, runCliInMemory } from './helpers/cli-memory.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'clean-article.js');
const COPYRIGHT_ONLY = join(ROOT, 'fixtures', 'notarticle--copyright-line-only-en', 'source.html');
const ERROR_LINE = /^clean-article: E_[A-Z_]+: .+ \(.+\)$/;
const ARTICLE_FIELDS = [
  'source',
  'url',
  'title',
  'byline',
  'authors',
  'organizations',
  'siteName',
  'publishedTime',
  'modifiedTime',
  'lang',
  'excerpt',
  'leadImage',
  'images',
  'text',
  'blocks',
  'html',
  'wordCount',
] as const;
/** Long enough that the navigation-chrome removal must be cut to 200 characters. */
const LONG_NAV = Array.from({ length: 40 }, (_, i) => `Section${i + 1}`);

const run = runCliInMemory;

/** Runs the built CLI as a real process (`node [nodeFlags] bin/clean-article.js args`); resolves with its exit code whatever it is. */
function spawnCli(args: readonly string[], stdin = '', nodeFlags: readonly string[] = []): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...nodeFlags, BIN, ...args],
      { cwd: ROOT, timeout: 240_000, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin);
  });
}

function expectCliError(result: CliResult, code: string): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toContain('    at ');
  const lines = result.stderr.split('\n');
  expect(lines, 'exactly one newline-terminated line').toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(ERROR_LINE);
  expect(lines[0]?.startsWith(`clean-article: ${code}: `), lines[0]).toBe(true);
}

let dir: string;
let pagePath: string;
let longNavPath: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clean-article-cli-'));
  pagePath = join(dir, 'story.html');
  writeFileSync(pagePath, articleHtml());
  longNavPath = join(dir, 'long-nav.html');
  writeFileSync(longNavPath, articleHtml({ navSections: LONG_NAV }));

  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articleHtml());
    } else if (req.url === '/hang') {
      // Never answers: the client's deadline must fire. afterAll destroys the socket.
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not found</h1></body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('runCli: output', () => {
  it('prints one JSON object with every Article field for a file', async () => {
    const result = await run([pagePath]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const article = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const field of ARTICLE_FIELDS) expect(article, field).toHaveProperty(field);
    expect(article).not.toHaveProperty('removed');
    expect(article['source']).toBe(pagePath);
    expect(article['url']).toBeNull();
    expect(article['title']).toBe(ARTICLE_TITLE);
    expect(article['siteName']).toBe('Coastal Times');
    expect(article['text']).toContain(ARTICLE_PARAGRAPHS[0]);
    expect(article['text']).toContain(ARTICLE_PARAGRAPHS[3]);
    expect(article['text']).not.toContain(SUBSCRIBE_LINE);
    expect(typeof article['wordCount']).toBe('number');
    expect(article['wordCount']).toBeGreaterThan(100);
    expect(Array.isArray(article['blocks'])).toBe(true);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('}');
  });

  it('--format text prints the title, the byline line, a blank line, then the paragraphs', async () => {
    const result = await run(['--format', 'text', pagePath]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`${ARTICLE_TITLE}\nMaria Lindqvist\n\n${ARTICLE_PARAGRAPHS[0]}\n\n`)).toBe(true);
    expect(result.stdout).toContain(ARTICLE_PARAGRAPHS[3]);
    expect(result.stdout).not.toContain('{');
    expect(result.stdout).not.toContain('<p>');
  });

  it('rejects an unknown --format value as a usage error', async () => {
    const result = await run(['--format', 'yaml', pagePath]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('yaml');
  });

  it('--explain adds removed entries with filter, reason and text of at most 200 chars', async () => {
    const result = await run(['--explain', longNavPath]);
    expect(result.code).toBe(0);
    const article = JSON.parse(result.stdout) as { removed?: Array<Record<string, unknown>> };
    expect(Array.isArray(article.removed)).toBe(true);
    const removed = article.removed ?? [];
    expect(removed.length).toBeGreaterThanOrEqual(2);
    for (const entry of removed) {
      expect(Object.keys(entry).sort()).toEqual(['filter', 'reason', 'text']);
      expect(FILTER_NAMES).toContain(entry['filter']);
      expect(typeof entry['reason']).toBe('string');
      expect((entry['reason'] as string).length).toBeGreaterThan(0);
      expect(typeof entry['text']).toBe('string');
      expect((entry['text'] as string).length).toBeLessThanOrEqual(200);
    }
    expect(removed).toContainEqual(expect.objectContaining({ filter: 'subscribe-prompts', text: SUBSCRIBE_LINE }));
    const nav = removed.find((entry) => entry['filter'] === 'navigation-chrome');
    expect(nav, 'the long nav bar is removed').toBeDefined();
    expect(String(nav?.['text']).startsWith('Section1 Section2 Section3')).toBe(true);
    expect(LONG_NAV.join(' ').length).toBeGreaterThan(200);
  });

  it('--no-filter turns one filter off: its removal disappears and the text comes back', async () => {
    const result = await run(['--explain', '--no-filter', 'subscribe-prompts', pagePath]);
    expect(result.code).toBe(0);
    const article = JSON.parse(result.stdout) as { text: string; removed: Array<{ filter: string }> };
    expect(article.text).toContain(SUBSCRIBE_LINE);
    expect(article.removed.map((entry) => entry.filter)).not.toContain('subscribe-prompts');
    expect(article.removed.map((entry) => entry.filter)).toContain('navigation-chrome');
  });

  it('--no-filter is repeatable', async () => {
    const result = await run(['--explain', '--no-filter', 'subscribe-prompts', '--no-filter', 'navigation-chrome', pagePath]);
    expect(result.code).toBe(0);
    const article = JSON.parse(result.stdout) as { text: string; removed: Array<{ filter: string }> };
    const filters = article.removed.map((entry) => entry.filter);
    expect(filters).not.toContain('subscribe-prompts');
    expect(filters).not.toContain('navigation-chrome');
    expect(article.text).toContain(SUBSCRIBE_LINE);
  });

  it('reads a file:// URL as a file and keeps the URL as source', async () => {
    const fileUrl = pathToFileURL(pagePath).href;
    const result = await run([fileUrl]);
    expect(result.code, result.stderr).toBe(0);
    const article = JSON.parse(result.stdout) as { source: string; title: string };
    expect(article.source).toBe(fileUrl);
    expect(article.title).toBe(ARTICLE_TITLE);
  });

  it('--url fills url', async () => {
    const result = await run(['--url', 'https://news.example.com/2024/bridge', pagePath]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { url: unknown }).url).toBe('https://news.example.com/2024/bridge');
  });

  it('rejects a relative --url as a usage error', async () => {
    const result = await run(['--url', 'not a url', pagePath]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('reads stdin when the input is -', async () => {
    const result = await run(['-'], { stdin: articleHtml() });
    expect(result.code).toBe(0);
    const article = JSON.parse(result.stdout) as { source: string; title: string; text: string };
    expect(article.source).toBe('-');
    expect(article.title).toBe(ARTICLE_TITLE);
    expect(article.text).toContain(ARTICLE_PARAGRAPHS[1]);
  });

  it('reads piped stdin when no input is given', async () => {
    const result = await run(['--format', 'text'], { stdin: articleHtml() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(ARTICLE_PARAGRAPHS[2]);
  });

  it('--version prints the version on stdout and exits 0', async () => {
    const result = await run(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
    expect(result.stderr).toBe('');
  });

  it('--help prints usage on stdout and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: clean-article /);
    expect(result.stdout).toContain('--no-filter');
    expect(result.stderr).toBe('');
  });

  // Issue 12: --help reads like a man page, without "(default: false)" on every switch.
  it('--help gives examples, every exit status, every error code and the environment', async () => {
    const { stdout } = await run(['--help']);
    const { ERROR_CODES } = await import('../src/errors.js');
    for (const heading of ['Examples:', 'Exit status:', 'Error codes', 'Environment:']) expect(stdout).toContain(`\n${heading}`);
    for (const status of ['0', '1', '2', '130', '141']) expect(stdout).toMatch(new RegExp(`\\n  ${status} +\\S`));
    for (const code of ERROR_CODES) expect(stdout, code).toMatch(new RegExp(`\\n  ${code} +\\S`));
    expect(stdout).toContain('HTTPS_PROXY');
    expect(stdout).toContain('CLEAN_ARTICLE_NO_BUNDLE');
    // -o writes every format, not only JSON (it said "one .json per input").
    expect(stdout.replace(/\s+/g, ' ')).toContain('--output-dir <dir> batch: write one file a page under DIR (.json, or .md, .txt, .html as --format says)');
    expect(stdout).not.toContain('(default: false)');
  });

  // Issue 12: a usage error is one line in the documented form, not the whole help.
  it('an unknown flag prints one usage line on stderr and exits 2', async () => {
    const result = await run(['--frobnicate', pagePath]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("clean-article: unknown option '--frobnicate' (try --help)\n");
  });

  it('no input with a TTY stdin prints one usage line on stderr and exits 2', async () => {
    const result = await run([], { tty: true });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('clean-article: no input given (a file, a URL, a folder, or - for stdin) (try --help)\n');
  });

  it.each([['nosuch'], ['related-cards,nosuch'], ['=x']])('--no-filter %s names no filter: exit 2, one line listing the names', async (names) => {
    const result = await run([`--no-filter=${names}`, pagePath]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^clean-article: unknown filter ".+" for --no-filter; the filters are: .*related-cards.*, or all \(try --help\)$/);
  });

  it('--no-filter takes comma lists and "all"', async () => {
    const listed = await run(['--no-filter=navigation-chrome,subscribe-boxes', '--no-filter', 'related-cards', '--explain', pagePath]);
    expect(listed.code, listed.stderr).toBe(0);
    const used = new Set((JSON.parse(listed.stdout).removed as Array<{ filter: string }>).map((removal) => removal.filter));
    for (const name of ['navigation-chrome', 'subscribe-boxes', 'related-cards']) expect(used.has(name), name).toBe(false);
    const all = await run(['--no-filter', 'all', '--explain', pagePath]);
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout).removed).toEqual([]);
  });

  it('--list-filters prints every filter name', async () => {
    const result = await run(['--list-filters']);
    expect(result.code).toBe(0);
    const names = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[0]);
    expect(names).toEqual([...FILTER_NAMES]);
  });
});

describe('runCli: errors print one line and exit 1', () => {
  const cases: Array<[string, string, () => Promise<CliResult>]> = [
    ['E_INPUT', 'a missing file', () => run([join(dir, 'no-such-file.html')])],
    // A directory is no longer an error: issue 4 makes a folder a batch (test/batch-cli.test.ts).
    ['E_INPUT', 'an ftp:// URL', () => run(['ftp://x'])],
    ['E_INPUT', 'a file:// URL with a remote host', () => run(['file://remotehost/story.html'])],
    ['E_INPUT', 'a file:// URL with an encoded slash', () => run(['file:///tmp/a%2Fb.html'])],
    ['E_INPUT', 'a malformed http URL', () => run(['http://exa mple.com/'])],
    ['E_NOT_HTML', 'a PNG', () => run([writeBytes('image.html', pngBytes())])],
    ['E_NOT_HTML', 'a PDF', () => run([writeBytes('paper.html', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'))])],
    ['E_NOT_HTML', 'random binary bytes', () => run([writeBytes('noise.bin', pseudoRandomBytes(4096, 42))])],
    ['E_EMPTY', 'an empty file', () => run([writeBytes('empty.html', Buffer.alloc(0))])],
    ['E_EMPTY', 'a whitespace-only file', () => run([writeBytes('blank.html', Buffer.from('  \n\t\r\n   \n'))])],
    ['E_EMPTY', 'empty stdin', () => run(['-'], { stdin: '' })],
    ['E_NO_ARTICLE', 'a page with no text', () => run([writeBytes('no-text.html', Buffer.from(EMPTY_PAGE))])],
    ['E_NO_ARTICLE', 'a page of two words (under the default --min-words 5)', () => run([COPYRIGHT_ONLY])],
    ['E_NO_ARTICLE', 'the test article with --min-words 100000', () => run(['--min-words', '100000', pagePath])],
    ['E_TOO_LARGE', 'a file over --max-bytes', () => run(['--max-bytes', '100', pagePath])],
    ['E_TOO_LARGE', 'stdin over --max-bytes', () => run(['--max-bytes', '100', '-'], { stdin: articleHtml() })],
  ];

  it.each(cases)('%s: %s', async (code, _what, go) => {
    expectCliError(await go(), code);
  });

  it('--min-words 0 takes the two-word page', async () => {
    const result = await run(['--min-words', '0', COPYRIGHT_ONLY]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ text: 'Copyright 2024' });
  });

  it('the error line names the input in parentheses', async () => {
    const missing = join(dir, 'no-such-file.html');
    const result = await run([missing]);
    expect(result.stderr).toBe(`clean-article: E_INPUT: no such file (${missing})\n`);
  });

  it('a line break in the input name cannot split the error line', async () => {
    const result = await run([join(dir, 'two\nlines.html')]);
    expectCliError(result, 'E_INPUT');
    expect(result.stderr).toContain('two\\nlines.html');
  });

  it('E_HTTP_STATUS: a 404 from a local server, with 404 in the message', async () => {
    const result = await run([`${base}/missing`]);
    expectCliError(result, 'E_HTTP_STATUS');
    expect(result.stderr).toContain('404');
    expect(result.stderr).toContain(`(${base}/missing)`);
  });

  it('E_FETCH: connection refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await run([`http://127.0.0.1:${port}/story`]);
    expectCliError(result, 'E_FETCH');
  });

  it('E_TIMEOUT: a server that never sends headers, with --timeout 1', async () => {
    const result = await run(['--timeout', '1', `${base}/hang`]);
    expectCliError(result, 'E_TIMEOUT');
  });

  it('E_TOO_LARGE: a response body over --max-bytes', async () => {
    const result = await run(['--max-bytes', '200', `${base}/story`]);
    expectCliError(result, 'E_TOO_LARGE');
  });

  it('a URL that answers 200 works through the CLI too', async () => {
    const result = await run([`${base}/story`]);
    expect(result.code, result.stderr).toBe(0);
    const article = JSON.parse(result.stdout) as { url: string; title: string };
    expect(article.url).toBe(`${base}/story`);
    expect(article.title).toBe(ARTICLE_TITLE);
  });
});

describe('bin/clean-article.js as a real process', () => {
  beforeAll(() => {
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js')), 'run `npx tsc -p .` (npm test builds first)').toBe(true);
  });

  it('exits 0 and prints the article JSON for a file', async () => {
    const result = await spawnCli([pagePath]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const article = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const field of ARTICLE_FIELDS) expect(article, field).toHaveProperty(field);
    expect(article['title']).toBe(ARTICLE_TITLE);
  });

  // Issue 12 audit: V8 flags given to node (more heap, a GC switch) made every page E_INTERNAL,
  // "Initiated Worker with invalid execArgv flags": a worker refuses them, and they already
  // hold for the whole process.
  it('node --max-old-space-size=4096 --expose-gc bin/clean-article.js cleans a page and a batch', async () => {
    const flags = ['--max-old-space-size=4096', '--expose-gc'];
    const single = await spawnCli([pagePath], '', flags);
    expect(single.code, single.stderr).toBe(0);
    expect((JSON.parse(single.stdout) as { title: string }).title).toBe(ARTICLE_TITLE);
    const batch = await spawnCli([pagePath, pagePath, '-q'], '', flags);
    expect(batch.code, batch.stderr).toBe(0);
    expect(batch.stdout.trim().split('\n')).toHaveLength(2);
  });

  // Issue 13.9: a stdout that refuses the result is an error, not a silent exit 0.
  it('stdout on a full device: exit 1 and one E_OUTPUT line, no stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [BIN, pagePath], { cwd: ROOT, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(1);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^clean-article: E_OUTPUT: cannot write the result to stdout \(ENOSPC\)/);
    } finally {
      closeSync(full);
    }
  });

  // Issue 13 (after the audit): --list-filters and --help printed into /dev/full and exited 0.
  it.each([['--list-filters'], ['--help'], ['--version']])('%s with stdout on a full device: exit 1 and one E_OUTPUT line', async (flag) => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [BIN, flag], { cwd: ROOT, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(1);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^clean-article: E_OUTPUT: cannot write (?:the filter list|the help|the version) to stdout \(ENOSPC\)\n$/);
    } finally {
      closeSync(full);
    }
  });

  it('reads piped stdin with no argument and exits 0', async () => {
    const result = await spawnCli(['--format', 'text'], articleHtml());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(ARTICLE_PARAGRAPHS[0]);
  });

  it('--version and --help exit 0 on stdout', async () => {
    const version = await spawnCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
    const help = await spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: clean-article');
  });

  it('an unknown flag exits 2 with one usage line on stderr', async () => {
    const result = await spawnCli(['--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("clean-article: unknown option '--frobnicate' (try --help)\n");
  });

  it('a missing file exits 1 with one error line', async () => {
    expectCliError(await spawnCli([join(dir, 'absent.html')]), 'E_INPUT');
  });

  it('a 404 exits 1 with one error line', async () => {
    const result = await spawnCli([`${base}/gone`]);
    expectCliError(result, 'E_HTTP_STATUS');
    expect(result.stderr).toContain('404');
  });

  it('binary input exits 1 with one error line', async () => {
    expectCliError(await spawnCli([writeBytes('spawn.png', pngBytes())]), 'E_NOT_HTML');
  });
});

const EMPTY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Coastal Times</title></head>
<body><div id="app"></div><script>window.__STATE__ = {};</script></body></html>
`;

function writeBytes(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function pngBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
  ]);
}

/** Deterministic "random" bytes (a 32-bit LCG), so the test never depends on luck. */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
