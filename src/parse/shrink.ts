// src/parse/shrink.ts
// Drops what can never be article text before jsdom parses the page: scripts (but not JSON-LD,
// which metadata needs), styles, SVG, templates and comments. jsdom's parse time grows with the
// node count, and <style> bodies are what make its CSS parser throw (e.g. SCSS inside calc()).

const JSON_LD_TYPE = /type\s*=\s*["']?application\/ld\+json/i;
/** Elements whose whole content goes; scripts are kept when they hold JSON-LD. */
const STRIP_ELEMENTS = ['script', 'style', 'svg', 'template'] as const;
// A stylesheet link is inert here, but each one is one more node to build. [^<>] keeps every
// attempt from running past the next tag, so the scan stays linear on junk input.
const RESOURCE_LINK = /<link\b[^<>]*rel\s*=\s*["']?(?:stylesheet|preload|prefetch|dns-prefetch|preconnect|modulepreload)[^<>]*>/gi;

type Keep = (name: string, openTag: string, contentLength: number) => boolean;

/**
 * Removes every <name …>…</name> block of the given names in one forward pass over the page (a
 * pass per name cost four scans of every page). Linear whatever the input: once an opening tag
 * has no closing tag after it, no later one of that name has either, so that name is done there
 * (or, with dropUnclosed, the rest of the page goes: everything after it is inside it, as the
 * parser would read it). A lazy regex tried the whole rest of the page again from every unclosed
 * opening tag.
 */
function stripElements(html: string, names: readonly string[], keep: Keep, dropUnclosed = false): string {
  const open = new Set(names);
  const openingOf = (): RegExp => new RegExp(`<(${[...open].join('|')})(?=[\\s/>])`, 'gi');
  const closings = new Map(names.map((name) => [name, new RegExp(`</${name}\\s*>`, 'gi')]));
  let opening = openingOf();
  let out = '';
  let from = 0;
  for (let found = opening.exec(html); found; found = opening.exec(html)) {
    const name = found[1]!.toLowerCase();
    const openEnd = html.indexOf('>', found.index);
    if (openEnd < 0) break;
    const closing = closings.get(name)!;
    closing.lastIndex = openEnd + 1;
    const close = closing.exec(html);
    if (!close) {
      if (dropUnclosed) return out + html.slice(from, found.index);
      open.delete(name);
      if (open.size === 0) break;
      const resumeAt = opening.lastIndex;
      opening = openingOf();
      opening.lastIndex = resumeAt;
      continue;
    }
    if (!keep(name, html.slice(found.index, openEnd + 1), close.index - openEnd - 1)) {
      out += html.slice(from, found.index);
      from = close.index + close[0].length;
    }
    opening.lastIndex = close.index + close[0].length;
  }
  return out + html.slice(from);
}

/** Comments, in one forward pass for the same reason: an unclosed "<!--" ends the scan. */
function stripComments(html: string): string {
  let out = '';
  let from = 0;
  for (let open = html.indexOf('<!--'); open >= 0; ) {
    const close = html.indexOf('-->', open + 4);
    if (close < 0) break;
    out += html.slice(from, open);
    from = close + 3;
    open = html.indexOf('<!--', from);
  }
  return out + html.slice(from);
}

/**
 * No real attribute value is this long (long URLs stay under 2 KB); a 19 MB src made jsdom's URL
 * parser and every later copy crawl. Past it the value is emptied: the image or link is lost,
 * the page is not.
 */
const MAX_ATTRIBUTE_CHARS = 8192;
// Plain character-class runs only: a counted repeat over megabytes overflowed V8's regex stack.
const TAG_TEXT = /<[a-zA-Z][^<>]*/g;
const QUOTED_VALUE = /"[^"]*"|'[^']*'/g;

/**
 * True when some stretch between two "<" (or after the last) is longer than the limit: a tag's
 * text runs from its "<" to the next "<" or ">", so without such a stretch no tag can be longer.
 * A scan with indexOf, where a replace would call back once for every tag of the page.
 */
function mayHoldLongTag(html: string): boolean {
  let at = html.indexOf('<');
  while (at >= 0) {
    const next = html.indexOf('<', at + 1);
    if ((next < 0 ? html.length : next) - at > MAX_ATTRIBUTE_CHARS) return true;
    at = next;
  }
  return false;
}

/** Empties quoted attribute values over the limit; only a tag longer than the limit is looked into. */
function capLongAttributes(html: string): string {
  if (html.length <= MAX_ATTRIBUTE_CHARS || !mayHoldLongTag(html)) return html;
  return html.replace(TAG_TEXT, (tag) =>
    tag.length <= MAX_ATTRIBUTE_CHARS ? tag : tag.replace(QUOTED_VALUE, (value) => (value.length > MAX_ATTRIBUTE_CHARS ? `${value[0]}${value[0]}` : value)),
  );
}

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

/**
 * A title's text and a JSON-LD block are raw text to HTML parsers, which build it a character at
 * a time: a 19 MB <title> took 20 s and 770 MB, 12 MB of JSON-LD 12 s and 565 MB. Real pages stay
 * far below these (205 title characters and 37 kB of JSON-LD at most over the 1,181 benchmark
 * and dev pages); the metadata keeps 1,000 title characters anyway.
 */
const MAX_TITLE_TEXT = 4000;
const MAX_JSON_LD_CHARS = 1_000_000;

/** Cuts every closed <title>'s text past the limit, in one forward pass. */
function capTitles(html: string): string {
  const opening = /<title\b[^<>]*>/gi;
  const closing = /<\/title\s*>/gi;
  let out = '';
  let from = 0;
  for (let open = opening.exec(html); open; open = opening.exec(html)) {
    const start = open.index + open[0].length;
    closing.lastIndex = start;
    const close = closing.exec(html);
    if (!close) break;
    if (close.index - start > MAX_TITLE_TEXT) {
      out += html.slice(from, start + MAX_TITLE_TEXT);
      from = close.index;
    }
    opening.lastIndex = close.index + close[0].length;
  }
  return out + html.slice(from);
}

export function shrinkHtml(html: string): string {
  let out = capTitles(closeRunawayTitle(html));
  let jsonLdLeft = MAX_JSON_LD_CHARS;
  // JSON-LD is kept while it fits the budget: the first blocks hold the page's own metadata.
  const keepJsonLd = (openTag: string, length: number): boolean => {
    if (!JSON_LD_TYPE.test(openTag)) return false;
    jsonLdLeft -= length;
    return jsonLdLeft >= 0;
  };
  out = stripElements(out, STRIP_ELEMENTS, (name, openTag, length) => name === 'script' && keepJsonLd(openTag, length));
  return capLongAttributes(stripComments(out).replace(RESOURCE_LINK, ''));
}

/** Last resort when jsdom still throws: no inline style attributes or style blocks at all. */
export function stripAllStyles(html: string): string {
  return stripElements(html, ['style'], () => false, true).replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
}
