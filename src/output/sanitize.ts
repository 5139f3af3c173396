// src/output/sanitize.ts
// The article's `html` is opened in browsers and fed to other apps, so it must be safe by
// construction: sanitize-html (htmlparser2, no DOM) keeps an allow-list of elements and
// attributes, and URLs only with http, https or mailto schemes or relative. Every rendered format
// (html, Markdown) is made from this HTML, so one pass here covers them all. A DOM-based sanitizer
// on jsdom was tried first: it kept every sanitized page alive (2 MB a page in the leak test).

import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';

// Loaded on first use: text dumps never need it, and it costs a tenth of a second to load.
const loadSanitizeHtml = (): typeof SanitizeHtml => createRequire(import.meta.url)('sanitize-html') as typeof SanitizeHtml;

const TEXT_ATTRIBUTES = ['id', 'lang', 'dir', 'title'];

const optionsFor = (sanitizeHtml: typeof SanitizeHtml): SanitizeHtml.IOptions => ({
  // The defaults are text-level and structural HTML (no script, style, form, frame or embed);
  // an article also has pictures and media.
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'picture', 'source', 'video', 'audio', 'del', 'ins'],
  allowedAttributes: {
    '*': TEXT_ATTRIBUTES,
    a: ['href', 'name', 'rel'],
    img: ['src', 'srcset', 'alt', 'width', 'height'],
    source: ['src', 'srcset', 'type', 'media'],
    video: ['src', 'poster', 'controls'],
    audio: ['src', 'controls'],
    td: ['colspan', 'rowspan', 'headers'],
    th: ['colspan', 'rowspan', 'headers', 'scope'],
    time: ['datetime'],
    blockquote: ['cite'],
    q: ['cite'],
    ol: ['start', 'reversed'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
  allowProtocolRelative: true,
  // Unknown tags go, their text stays; script, style and the like go with their content.
  disallowedTagsMode: 'discard',
});

export interface Sanitizer {
  sanitize(html: string): string;
}

export function createSanitizer(): Sanitizer {
  const sanitizeHtml = loadSanitizeHtml();
  const options = optionsFor(sanitizeHtml);
  return { sanitize: (html) => sanitizeHtml(html, options) };
}
