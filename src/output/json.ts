// src/output/json.ts
// JSON output: pretty by default (also when piped, so scripts written against it keep working),
// one line with --compact, and always one line per article for jsonl.

import type { Article } from '../types.js';
import type { RenderOptions } from './index.js';

export function renderJson(article: Article, options: RenderOptions = {}): string {
  return `${options.compact ? JSON.stringify(article) : JSON.stringify(article, null, 2)}\n`;
}

/** One compact line: the record format for many inputs and for `jq -c` style pipelines. */
export function renderJsonLine(article: Article): string {
  return `${JSON.stringify(article)}\n`;
}
