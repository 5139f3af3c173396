// src/parse/noscript-markup.ts
// When a <noscript>'s markup parses the same on its own as inside the page. The page is parsed
// with scripting on, so a <noscript> holds its markup as text; a document parsed with scripting
// off reads that markup in place, where it can reach out of the <noscript>: a <div> in it closes
// an open <p> around it, an <a> in it ends the link around it, a <td> in it ends the cell around
// it, an unclosed <div> keeps the </noscript> from closing anything, a <body> tag in it gives the
// page's <body> its attributes. The markup of nearly every real <noscript> (a tracking pixel in a
// <div>, a lazy-loaded image, a "please enable JavaScript" notice) does none of that.

/** Elements with no end tag. */
const VOID = new Set(['img', 'source', 'br', 'wbr', 'hr']);
/** Elements that stay inside a line of text, and so inside an open <p>. */
const INLINE = new Set([
  'span',
  'b',
  'i',
  'u',
  's',
  'em',
  'strong',
  'small',
  'sub',
  'sup',
  'font',
  'abbr',
  'cite',
  'code',
  'q',
  'time',
  'mark',
  'label',
  'picture',
  'iframe',
  'a',
]);
/** Blocks: each closes an open <p>, and goes where it stands only when there is none around. */
const BLOCK = new Set([
  ...['div', 'p', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'center', 'pre', 'address'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'aside', 'nav', 'header', 'footer', 'figure', 'figcaption', 'table'],
]);
/** Parts of a table: inside the page's own table cell they would end that cell instead. */
const TABLE_PART = new Set(['caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>|<[!?/]/g;

/** What stands around the <noscript> on the page. */
export interface NoscriptPlace {
  insideLink: boolean;
  insideParagraph: boolean;
}

function allowed(name: string, place: NoscriptPlace, open: readonly string[]): boolean {
  if (name === 'a') return !place.insideLink;
  if (INLINE.has(name)) return true;
  if (BLOCK.has(name)) return !place.insideParagraph;
  return TABLE_PART.has(name) && open.includes('table');
}

/**
 * True when `markup` holds only elements from the lists above, each closed in order, so it
 * parses into the same elements wherever it sits.
 */
export function isSelfContainedMarkup(markup: string, place: NoscriptPlace): boolean {
  const open: string[] = [];
  for (const match of markup.matchAll(TAG)) {
    const name = match[2]?.toLowerCase();
    // A comment, a doctype, a processing instruction or a bare "</": not worth their cases.
    if (name === undefined) return false;
    if (VOID.has(name)) continue;
    if (!allowed(name, place, open)) return false;
    if (match[1] === '/') {
      if (open.pop() !== name) return false;
    } else if (match[0].endsWith('/>')) {
      // "<div/>" opens a <div> all the same.
      return false;
    } else {
      open.push(name);
    }
  }
  return open.length === 0;
}
