// src/text/normalize.ts
// Whitespace and comparison helpers shared by every stage that handles text.

/** NBSP, the typographic spaces, ideographic space and friends: all become a plain space. */
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters carry no text and break equality checks. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export function plainSpaces(text: string): string {
  return text.replace(UNICODE_SPACES, ' ').replace(ZERO_WIDTH, '');
}

/** Any character plainSpaces would change: most texts hold none, and then it is one scan, not two. */
const NOT_PLAIN = /[\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad]/;
/** White space collapseSpaces would change: a run, or a tab, line break or other space than " ". */
const NOT_COLLAPSED = /\s\s|[^\S ]/;

/** One line of running text: Unicode spaces made plain, runs collapsed, ends trimmed. */
export function collapseSpaces(text: string): string {
  // The tests first: this runs on every element's text, and a replace always builds a new string.
  const plain = NOT_PLAIN.test(text) ? plainSpaces(text) : text;
  return (NOT_COLLAPSED.test(plain) ? plain.replace(/\s+/g, ' ') : plain).trim();
}

/** Keeps single line breaks (from <br>) but collapses spaces around and inside lines. */
export function collapseKeepingLines(text: string): string {
  return plainSpaces(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** A comparison key: case, punctuation and spacing do not make two texts different. */
export function textKey(text: string): string {
  // Spaces of every kind are neither letters nor digits, so the last step collapses them too:
  // collapsing them first (collapseSpaces) gave the same key after three more passes over the text.
  return text.replace(ZERO_WIDTH, '').toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

const WORD_SEGMENTER = new Intl.Segmenter(undefined, { granularity: 'word' });
/** Scripts written without spaces between words, which need ICU's dictionaries to split. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A word in spaced text: letters or digits, joined by inner apostrophes, hyphens, dots or commas. */
const SPACED_WORD = /[\p{L}\p{N}\p{M}]+(?:['’.,-][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Counts words. Text in spaced scripts is counted by a regular expression (ICU segmentation is
 * several times slower and agrees there); text with Chinese, Japanese, Thai… uses Intl.Segmenter,
 * so a sentence is not one "word".
 */
/**
 * ICU's dictionary word breaker slows down more than linearly on one long run of text (90,000
 * characters of mojibake took 21 s), so text goes to it in pieces of about this many characters,
 * cut at a space or line break when there is one. A cut inside an unspaced run may split one word.
 */
const SEGMENT_CHARS = 1000;

export function countWords(text: string): number {
  if (!UNSPACED_SCRIPT.test(text)) return text.match(SPACED_WORD)?.length ?? 0;
  let count = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + SEGMENT_CHARS);
    if (end < text.length) {
      const space = text.slice(start, end).search(/\s\S*$/);
      if (space > 0) end = start + space + 1;
    }
    for (const segment of WORD_SEGMENTER.segment(text.slice(start, end))) if (segment.isWordLike) count++;
    start = end;
  }
  return count;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}
