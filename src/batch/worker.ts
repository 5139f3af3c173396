// src/batch/worker.ts
// A pool worker thread: cleans the page bytes it is sent (src/batch/page-handler.ts) and answers
// with the rendered record or a typed error. It keeps nothing between pages; the pool recycles
// it to shed jsdom's leak.
//
// The handler is loaded when the first page arrives (or at once, when the pool says to expect
// HTML), from one of two places holding the same code: an HTML page takes the worker bundle when the build made one that is still current
// (src/batch/worker-bundle.ts: one script and its compiled code instead of ~900 modules); a text
// dump takes the modules themselves, as it needs only a few of them and no jsdom, which is
// cheaper than reading the whole bundle. The choice changes the speed, never the output.

import { parentPort, workerData } from 'node:worker_threads';
import { looksLikeHtml } from '../decode/sniff.js';
import type { PageRequest, WorkerData, WorkerNote } from './protocol.js';
import { freshManifest, type HandlePage, loadBundle } from './worker-bundle.js';

type Loaded = { handlePage: HandlePage; note: WorkerNote };

/** CLEAN_ARTICLE_NO_BUNDLE=1 loads the modules even when a bundle is there (to compare both). */
async function loadHandler(html: boolean): Promise<Loaded> {
  const manifest = html && process.env['CLEAN_ARTICLE_NO_BUNDLE'] !== '1' ? freshManifest() : null;
  if (manifest) {
    try {
      const bundle = loadBundle(manifest);
      return { handlePage: bundle.handlePage, note: { loaded: 'bundle', codeCache: bundle.codeCache } };
    } catch {
      // A damaged bundle must not cost the page: the modules hold the same code.
    }
  }
  return { handlePage: (await import('./page-handler.js')).handlePage, note: { loaded: 'modules' } };
}

/** Tags are ASCII in every charset a page comes in but UTF-16, which just takes the modules. */
function isHtml(request: PageRequest): boolean {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  return looksLikeHtml(bytes.toString('latin1', 0, 256 * 1024));
}

const port = parentPort;
if (!port) throw new Error('batch/worker.js runs only as a worker thread');
let loading: Promise<Loaded> | undefined;

function load(html: boolean): Promise<Loaded> {
  const started = loadHandler(html);
  // Where the handler came from, for the tests; the pool passes such notes by.
  void started.then(({ note }) => port!.postMessage(note));
  return started;
}

port.on('message', (request: PageRequest) => {
  loading ??= load(isHtml(request));
  void loading
    .then(({ handlePage }) => handlePage(request))
    .then((reply) => {
      if (reply) port.postMessage(reply);
    });
});
port.postMessage({ ready: true } satisfies WorkerNote);
// A pool that expects HTML pages has the handler loaded now, while its pages are being read.
if ((workerData as WorkerData | null)?.preloadHtml) loading = load(true);
