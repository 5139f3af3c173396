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

/** No real title is this long; past it, an unclosed <title> is swallowing the page. */
const MAX_TITLE_CHARS = 1000;
const TITLE_OPEN = /<title\b[^>]*>/i;

/**
 * A <title> left unclosed (a truncated template, a stray "-->") makes HTML parsers read the
 * whole rest of the page as title text, so the page has no body at all. When no </title> comes
 * within a title's length, the title ends at its first line break or tag.
 */
export function closeRunawayTitle(html: string): string {
  const open = TITLE_OPEN.exec(html);
  if (!open) return html;
  const start = open.index + open[0].length;
  const close = html.slice(start, start + MAX_TITLE_CHARS).search(/<\/title\s*>/i);
  if (close >= 0) return html;
  const rest = html.slice(start);
  const end = rest.search(/[\r\n<]/);
  const cut = start + (end >= 0 ? end : rest.length);
  // A stray </title> further down has nothing left to close: drop it.
  return `${html.slice(0, cut)}</title>${html.slice(cut).replace(/<\/title\s*>/i, '')}`;
}

export function shrinkHtml(html: string): string {
  let out = closeRunawayTitle(html).replace(SCRIPT, (whole, attributes: string) => (JSON_LD_TYPE.test(attributes) ? whole : ''));
  for (const pattern of STRIP_WHOLE) out = out.replace(pattern, '');
  return out;
}

/** Last resort when jsdom still throws: no inline style attributes or style blocks at all. */
export function stripAllStyles(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
}
