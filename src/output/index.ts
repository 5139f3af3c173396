// src/output/index.ts
// Maps --format names to renderers. Each renderer lives in its own module and is imported only
// when asked for, so --help stays fast and turndown loads only for Markdown.

import type { Article } from '../types.js';

export type OutputFormat = 'json' | 'jsonl' | 'text' | 'markdown' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'jsonl', 'text', 'markdown', 'html'];

export interface RenderOptions {
  /** JSON on one line instead of pretty-printed. */
  compact?: boolean;
}

export type Renderer = (article: Article, options: RenderOptions) => string;

const RENDERERS: Readonly<Record<OutputFormat, () => Promise<Renderer>>> = {
  json: async () => (await import('./json.js')).renderJson,
  jsonl: async () => (await import('./json.js')).renderJsonLine,
  text: async () => (await import('./text.js')).renderText,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  html: async () => (await import('./html.js')).renderHtml,
};

/** The article as the named format, ending with a newline. */
export async function render(article: Article, format: OutputFormat, options: RenderOptions = {}): Promise<string> {
  const renderer = await RENDERERS[format]();
  return renderer(article, options);
}
