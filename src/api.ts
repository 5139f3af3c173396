// src/api.ts
// The library's cleaning functions: cleanArticle() for a path, URL or stdin, cleanHtml() for a
// page already in memory. Apart from index.ts so the CLI can use them without loading every
// renderer.

import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { CleanError, toCleanError } from './errors.js';
import { cleanRaw, runPipeline } from './pipeline.js';
import type { Article, CleanOptions } from './types.js';

/** The JSON Schema every record follows (also `clean-article/schema.json` as a package path). */
export const ARTICLE_SCHEMA_PATH: string = fileURLToPath(new URL('../schema/article.schema.json', import.meta.url));

/**
 * Cleans one page: a file path, an http(s) URL, or "-" for stdin (or the stream you pass).
 * Resolves with the article; rejects only with a CleanError carrying a stable `code`.
 * HTML you already hold goes to cleanHtml() instead.
 */
export async function cleanArticle(input: string, options: CleanOptions = {}, stdin?: Readable): Promise<Article> {
  if (typeof input !== 'string') {
    throw new CleanError('E_INPUT', `cleanArticle() takes a path, a URL or "-", not ${describe(input)}; for a page in memory use cleanHtml()`);
  }
  try {
    return await runPipeline(input, options, stdin);
  } catch (error) {
    const clean = toCleanError(error, input);
    // HTML passed as if it were a path: "no such file" alone would not say what to do instead.
    if (clean.code === 'E_INPUT' && /^\s*</.test(input)) {
      throw new CleanError('E_INPUT', `${clean.message}: cleanArticle() takes a path, a URL or "-", and this is HTML; use cleanHtml()`, input.slice(0, 80));
    }
    throw clean;
  }
}

export interface CleanHtmlOptions extends CleanOptions {
  /** The HTTP Content-Type the page came with, if any: its charset wins over the page's own. */
  contentType?: string | null;
  /** What `source` says in the article (default "html"). */
  source?: string;
}

/**
 * Cleans a page held in memory: HTML (or a text dump) as a string, or its raw bytes in any
 * charset. Synchronous; throws only a CleanError. `options.url` resolves links and fills `url`.
 */
export function cleanHtml(page: string | Uint8Array, options: CleanHtmlOptions = {}): Article {
  if (typeof page !== 'string' && !(page instanceof Uint8Array)) {
    throw new CleanError('E_INPUT', `cleanHtml() takes a string or bytes, not ${describe(page)}`);
  }
  const source = options.source ?? 'html';
  // A string is already text: say so, so a stray <meta charset> in it cannot re-decode it.
  const bytes = typeof page === 'string' ? Buffer.from(page, 'utf8') : Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  const contentType = typeof page === 'string' ? 'text/html; charset=utf-8' : (options.contentType ?? null);
  try {
    return cleanRaw({ source, bytes, contentType, url: options.url ?? null }, options);
  } catch (error) {
    throw toCleanError(error, source);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Buffer.isBuffer(value)) return 'a Buffer';
  return `a value of type ${typeof value}`;
}
