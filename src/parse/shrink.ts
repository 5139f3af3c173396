// src/parse/shrink.ts
// Drops what can never be article text before jsdom parses the page: scripts (but not JSON-LD,
// which metadata needs), styles, SVG, templates and comments. jsdom's parse time grows with the
// node count, and <style> bodies are what make its CSS parser throw (e.g. SCSS inside calc()).

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const JSON_LD_TYPE = /type\s*=\s*["']?application\/ld\+json/i;
const STRIP_WHOLE = [
  /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi,
  /<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi,
  /<template\b[^>]*>[\s\S]*?<\/template\s*>/gi,
  /<!--[\s\S]*?-->/g,
  // A stylesheet link is inert here, but each one is one more node to build.
  /<link\b[^>]*rel\s*=\s*["']?(?:stylesheet|preload|prefetch|dns-prefetch|preconnect|modulepreload)[^>]*>/gi,
];

export function shrinkHtml(html: string): string {
  let out = html.replace(SCRIPT, (whole, attributes: string) => (JSON_LD_TYPE.test(attributes) ? whole : ''));
  for (const pattern of STRIP_WHOLE) out = out.replace(pattern, '');
  return out;
}

/** Last resort when jsdom still throws: no inline style attributes or style blocks at all. */
export function stripAllStyles(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
}
