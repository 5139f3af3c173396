// src/batch/page-handler.ts
// What a pool worker does with one page: clean its bytes and answer with the rendered record or
// a typed error. Apart from worker.ts (which only wires the thread's port) so that one module
// holds the whole pipeline: the worker bundle of src/tools/bundle-worker.ts starts here.

import { CleanError, toCleanError } from '../errors.js';
import { render } from '../output/index.js';
import { renderJson, renderJsonLine } from '../output/json.js';
import { cleanRaw } from '../pipeline.js';
import type { Article } from '../types.js';
import type { PageReply, PageRequest } from './protocol.js';

/**
 * Test-only hooks (documented in the README as such): with CLEAN_ARTICLE_TEST_HOOKS=1, a page
 * holding one of these markers hangs the extractor or crashes the worker, so the tests can prove
 * that the pool survives both. Without the variable the markers are ordinary comments.
 */
const HANG_MARKER = '<!--clean-article-test-hook:hang-->';
const CRASH_MARKER = '<!--clean-article-test-hook:crash-->';

function runTestHooks(bytes: Buffer): boolean {
  if (process.env['CLEAN_ARTICLE_TEST_HOOKS'] !== '1') return false;
  if (bytes.includes(HANG_MARKER)) {
    // A synchronous loop, as a pathological page would cause: only terminate() can end it.
    for (;;) Math.random();
  }
  if (bytes.includes(CRASH_MARKER)) {
    setImmediate(() => {
      throw new Error('simulated worker crash (test hook)');
    });
    return true;
  }
  return false;
}

/** The reply to one page, or null when a test hook crashed the worker instead. */
export async function handlePage(request: PageRequest): Promise<PageReply | null> {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  if (runTestHooks(bytes)) return null;
  try {
    const raw = { source: request.source, bytes, contentType: request.contentType, url: request.url, ...(request.warc ? { warc: request.warc } : {}) };
    const article = cleanRaw(raw, request.options);
    const record = await renderRecord(article, request.layout);
    return { id: request.id, ok: true, record };
  } catch (error) {
    const clean = error instanceof CleanError ? error : toCleanError(error);
    return { id: request.id, ok: false, code: clean.code, message: clean.message };
  }
}

/** JSON inline; the other formats' renderers load on first use (turndown only for Markdown). */
function renderRecord(article: Article, layout: PageRequest['layout']): string | Promise<string> {
  if (layout === 'line') return renderJsonLine(article);
  if (layout === 'pretty' || layout === 'compact') return renderJson(article, { compact: layout === 'compact' });
  return render(article, layout);
}
