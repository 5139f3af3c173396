// test/worker-bundle.test.ts
// The worker bundle (src/batch/worker-bundle.ts, made by `npm run build`): a worker started as the
// pool starts it cleans pages from the bundle, to the same bytes as from the modules themselves;
// the bundle still loads jsdom only for HTML; and a changed source file sets the bundle aside.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReply, PageRequest, RecordLayout, WorkerData, WorkerNote } from '../src/batch/protocol.js';
import { freshManifest } from '../src/batch/worker-bundle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKER = join(ROOT, 'dist', 'batch', 'worker.js');
const FIXTURES = join(ROOT, 'fixtures');

type Loaded = Extract<WorkerNote, { loaded: unknown }>;

/** A worker as the pool starts one, answering requests in order. */
class TestWorker {
  private readonly worker: Worker;
  private readonly replies: Array<(reply: PageReply) => void> = [];
  /** Where the worker loaded its page handler from, told with its first page. */
  readonly loaded: Promise<Loaded>;
  private readonly ready: Promise<void>;

  constructor(env: Record<string, string> = {}, workerData: WorkerData = { preloadHtml: false }) {
    this.worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: 1536 }, env: { ...process.env, ...env }, workerData, stdout: true });
    this.worker.stdout.resume();
    let markReady: () => void;
    let markLoaded: (note: Loaded) => void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.loaded = new Promise((resolve) => (markLoaded = resolve));
    this.worker.on('message', (message: WorkerNote | PageReply) => {
      if ('ready' in message) markReady();
      else if ('loaded' in message) markLoaded(message);
      else this.replies.shift()?.(message);
    });
  }

  async clean(request: PageRequest): Promise<PageReply> {
    await this.ready;
    return new Promise((resolve) => {
      this.replies.push(resolve);
      this.worker.postMessage(request);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

function request(source: string, text: string | Buffer, layout: RecordLayout = 'pretty'): PageRequest {
  return { id: 1, source, bytes: Buffer.from(text), contentType: null, url: null, options: {}, layout };
}

const HTML_PAGE = `<html><body><article><h1>Bridge</h1><p>${'The bridge reopened to traffic on Monday after two years of repairs. '.repeat(12)}</p></article></body></html>`;
const TEXT_DUMP = `Harbour bridge reopens\n\n${'The bridge reopened to traffic on Monday after two years of repairs to its main span. '.repeat(4)}`;

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'bundle', 'manifest.json')), 'run `npm run build` (npm test builds first)').toBe(true);
});

describe('worker bundle: used, and the same output as the modules', () => {
  let bundled: TestWorker;
  let modules: TestWorker;

  let firstReplies: PageReply[];

  // An HTML page first: the first page decides where a worker loads its handler from.
  beforeAll(async () => {
    bundled = new TestWorker();
    modules = new TestWorker({ CLEAN_ARTICLE_NO_BUNDLE: '1' });
    firstReplies = await Promise.all([bundled.clean(request('page.html', HTML_PAGE)), modules.clean(request('page.html', HTML_PAGE))]);
  });

  afterAll(async () => {
    await Promise.all([bundled.close(), modules.close()]);
  });

  it('an HTML page is cleaned from the bundle, with its code cache; CLEAN_ARTICLE_NO_BUNDLE=1 loads the modules', async () => {
    const [fromBundle, fromModules] = firstReplies;
    expect(fromBundle).toEqual(fromModules);
    expect(fromBundle!.ok).toBe(true);
    // 'rejected' would mean V8 refused the cache the build made (another Node, or other V8 flags).
    expect(await bundled.loaded).toEqual({ loaded: 'bundle', codeCache: 'used' });
    expect(await modules.loaded).toEqual({ loaded: 'modules' });
  });

  // Every seventh fixture as JSON with --explain, and a few in every other layout.
  // Fixture folders only: fixtures/warc holds WARC files for the WARC tests, with no source.* page.
  const cases = readdirSync(FIXTURES)
    .filter((name) => readdirSync(join(FIXTURES, name)).some((file) => file.startsWith('source.')))
    .sort()
    .filter((_name, index) => index % 7 === 0)
    .flatMap((name, index): Array<[string, RecordLayout]> => {
      const layouts: RecordLayout[] = index < 4 ? ['pretty', 'line', 'text', 'markdown', 'html'] : ['pretty'];
      return layouts.map((layout) => [name, layout]);
    });

  it.each(cases)('%s as %s: the same bytes from the bundle and from the modules', async (name, layout) => {
    const source = readdirSync(join(FIXTURES, name)).find((file) => file.startsWith('source.'))!;
    const casePath = join(FIXTURES, name, 'case.json');
    const url = existsSync(casePath) ? ((JSON.parse(readFileSync(casePath, 'utf8')) as { url?: string }).url ?? null) : null;
    const page: PageRequest = {
      id: 1,
      source,
      bytes: readFileSync(join(FIXTURES, name, source)),
      contentType: null,
      url,
      options: { explain: true },
      layout,
    };
    const [fromBundle, fromModules] = await Promise.all([bundled.clean(page), modules.clean(page)]);
    expect(fromBundle).toEqual(fromModules);
    if (fromModules.ok) expect(fromModules.record.length).toBeGreaterThan(50);
  });

  // The bundle's country names are read from ICU at build time (src/metadata/places.ts), the
  // modules' at run time: an author field ending in a place must lose it in both.
  it('an author field ending in a town and a country loses both, from the bundle as from the modules', async () => {
    const html = HTML_PAGE.replace('<html>', '<html><head><meta name="author" content="Lena Vogt, Kassel, Deutschland"></head>');
    const [fromBundle, fromModules] = await Promise.all([bundled.clean(request('place.html', html)), modules.clean(request('place.html', html))]);
    expect(fromBundle).toEqual(fromModules);
    expect(fromBundle!.ok && (JSON.parse(fromBundle!.record) as { authors: string[] }).authors).toEqual(['Lena Vogt']);
  });
});

describe('worker bundle: a text dump needs no jsdom', () => {
  it('a worker whose first page is a text dump loads the modules, not the bundle', async () => {
    const worker = new TestWorker();
    try {
      const reply = await worker.clean(request('dump.txt', TEXT_DUMP));
      expect(reply.ok).toBe(true);
      expect(await worker.loaded).toEqual({ loaded: 'modules' });
    } finally {
      await worker.close();
    }
  });

  it('a worker told to expect HTML loads the bundle before any page arrives, and still cleans a dump', async () => {
    const worker = new TestWorker({}, { preloadHtml: true });
    try {
      expect(await worker.loaded).toEqual({ loaded: 'bundle', codeCache: 'used' });
      expect((await worker.clean(request('dump.txt', TEXT_DUMP))).ok).toBe(true);
    } finally {
      await worker.close();
    }
  });

  // jsdom's navigator requires node:os when jsdom loads; nothing else the page handler runs does.
  const PROBE = `
    const { parentPort } = await import('node:worker_threads');
    const { freshManifest, loadBundle } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'batch', 'worker-bundle.js')).href)});
    const { handlePage } = loadBundle(freshManifest());
    const jsdomLoaded = () => process.moduleLoadList.includes('NativeModule os');
    const clean = (source, text) => handlePage({ id: 1, source, bytes: Buffer.from(text), contentType: null, url: null, options: {}, layout: 'pretty' });
    const dump = await clean('dump.txt', ${JSON.stringify(TEXT_DUMP)});
    const afterDump = jsdomLoaded();
    const page = await clean('page.html', ${JSON.stringify(HTML_PAGE)});
    // undici sets this global when it loads; jsdom gets it only on first use (src/tools/shims/).
    const undiciLoaded = Symbol.for('undici.globalDispatcher.1') in globalThis;
    parentPort.postMessage({ dumpOk: dump.ok, afterDump, pageOk: page.ok, afterPage: jsdomLoaded(), undiciLoaded });
  `;

  it('the bundle itself still loads jsdom on the first HTML page only, and jsdom no longer loads undici', async () => {
    const worker = new Worker(PROBE, { eval: true });
    const result = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(result).toEqual({ dumpOk: true, afterDump: false, pageOk: true, afterPage: true, undiciLoaded: false });
  });
});

describe('worker bundle: set aside when a file it was built from changes', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'clean-article-bundle-'));
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function writeManifestFor(file: string): string {
    const stat = statSync(join(root, file));
    const manifestFile = join(root, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ node: process.version, hasCodeCache: false, files: [[file, stat.size, stat.mtimeMs]] }));
    return manifestFile;
  }

  it('is fresh while the file is as it was, and not after a change, a removal, or without a manifest', () => {
    writeFileSync(join(root, 'a.js'), 'export const a = 1;\n');
    const manifestFile = writeManifestFor('a.js');
    expect(freshManifest(manifestFile, root)?.files).toHaveLength(1);
    writeFileSync(join(root, 'a.js'), 'export const a = 2;\n');
    expect(freshManifest(manifestFile, root)).toBeNull();
    writeManifestFor('a.js');
    rmSync(join(root, 'a.js'));
    expect(freshManifest(manifestFile, root)).toBeNull();
    expect(freshManifest(join(root, 'no-manifest.json'), root)).toBeNull();
  });

  it('the built bundle is ASCII, as loadBundle reads it as latin1', () => {
    const bytes = readFileSync(join(ROOT, 'dist', 'bundle', 'worker.cjs'));
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });
});
