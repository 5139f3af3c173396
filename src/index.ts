// src/index.ts
// Public API: cleanArticle() and the types it returns. Nothing else is exported on purpose.

import type { Readable } from 'node:stream';
import { CleanError, toCleanError } from './errors.js';
import { runPipeline } from './pipeline.js';
import type { Article, CleanOptions } from './types.js';

export { CleanError, isCleanError, type ErrorCode } from './errors.js';
export { FILTER_NAMES } from './filters/index.js';
export type { Article, Block, BlockType, CleanOptions, Favor, FetchOptions, ImageInfo, LeadImage, Removal } from './types.js';

/**
 * Cleans one page: a file path, an http(s) URL, or "-" for stdin (or the stream you pass).
 * Resolves with the article; rejects only with a CleanError carrying a stable `code`.
 */
export async function cleanArticle(input: string, options: CleanOptions = {}, stdin?: Readable): Promise<Article> {
  try {
    return await runPipeline(input, options, stdin);
  } catch (error) {
    throw error instanceof CleanError ? error.withInput(input) : toCleanError(error, input);
  }
}
