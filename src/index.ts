// src/index.ts
// Public API: cleanArticle() for a path, URL or stdin, cleanHtml() for a page already in memory,
// render() and the renderers for the output formats, the JSON Schema's path, and the types.

export { ARTICLE_SCHEMA_PATH, type CleanHtmlOptions, cleanArticle, cleanHtml } from './api.js';
export { CleanError, type ErrorCode, isCleanError } from './errors.js';
export { FILTER_NAMES } from './filters/index.js';
export { OUTPUT_FORMATS, type OutputFormat, type RenderOptions, render } from './output/index.js';
export { renderHtml as toHtml } from './output/html.js';
export { renderMarkdown as toMarkdown } from './output/markdown.js';
export { renderText as toText } from './output/text.js';
export type { Article, Block, BlockType, CleanOptions, Favor, FetchOptions, ImageInfo, LeadImage, Removal } from './types.js';
