// src/metadata/byline-text.ts
// The names in a byline element's text. A byline box sets the name, the job title, the outlet,
// the date and often a bio line in elements of their own; read as one string they run together
// ("Jane DoeJane covers city hall", "Kenny DuMezGraphite software engineer"). The text is read
// with a bar between block elements, the date and what follows it are cut off, and the parts
// after the first give only an agency or another full name.

import type { AnyNode } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';
import { JOB_TITLE, kindOf } from './credit-kinds.js';
import { sortCredits } from './credits.js';
import { OTHER_ROLE, splitAuthors } from './values.js';

/** Elements that start a line of their own: their text is a part of the byline apart from the next. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'p',
  'section',
  'td',
  'th',
  'tr',
]);
const PART_BREAK = ' | ';

/** Gathers the text, with a bar at block boundaries, but gives up past `max` characters. */
function gather(node: AnyNode, max: number, out: string[], length: { value: number }, root: boolean): boolean {
  if (node.type === 'text') {
    out.push(node.data);
    length.value += node.data.length;
    return length.value <= max * 3; // raw text still holds the whitespace that collapsing removes
  }
  if (node.type !== 'tag') return true;
  const block = !root && BLOCK_TAGS.has(node.name);
  if (block) out.push(PART_BREAK);
  for (const child of node.children) if (!gather(child, max, out, length, false)) return false;
  if (block) out.push(PART_BREAK);
  return true;
}

/** The node's text, parts apart, when it is at most `max` characters (empty included); else undefined. */
export function bylineTextUpTo(node: AnyNode, max: number): string | undefined {
  const parts: string[] = [];
  if (!gather(node, max, parts, { value: 0 }, true)) return undefined;
  const text = collapseSpaces(parts.join(''))
    .replace(/(?:\s*[|·•]\s*)+/g, PART_BREAK)
    .replace(/^\s*\|\s*|\s*\|\s*$/g, '');
  return text.length <= max ? text : undefined;
}

const MONTHS =
  'jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|jun[ei]?|jul[iy]?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
/**
 * Where a byline's date starts: "on August 8, 2012", "March 3, 2024", "3. März 2024", "12.03.2024",
 * "2024-03-12", or a date label ("Updated", "Published"). The name is before it.
 */
const DATE_START = new RegExp(
  String.raw`\s*(?:,|\b(?:on|am|le|el|il|the)\b)?\s*(?:\b(?:${MONTHS})\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(?:${MONTHS})\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:(?:last\s+)?updated|published|posted on|last modified|aktualisiert|veröffentlicht am)\b)`,
  'iu',
);

/** A byline word after a date that opens the line: "Monday, November 12, 2012, by Matthew Kang". */
const BYLINE_WORD_AFTER = /(?:^|[\s,|])(?:by|von|par|por)\s+(?=\p{L})/iu;

export function beforeDate(text: string): string {
  const match = DATE_START.exec(text);
  if (!match) return text;
  const after = BYLINE_WORD_AFTER.exec(text.slice(match.index));
  if (after && !BYLINE_WORD_AFTER.test(` ${text.slice(0, match.index)}`) && !/(?:photo|photos|video|foto)\s*$/i.test(text.slice(0, match.index + after.index)))
    return text.slice(match.index + after.index).replace(/^[\s,|]+/, '');
  return match.index > 0 ? text.slice(0, match.index) : text;
}

/** Words that sit in bylines but are no one's name. */
const NOT_NAMES =
  /^(?:updated|published|posted|staff|editor|reporter|correspondent|min(?:ute)?s?\s+read|share|follow|more|read more|author|authors|press release)$/i;
/** Lower-case words inside names: "Teresa von Fuchs", "Marna van der Merwe", "Ana de la Cruz". */
const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'ten',
  'zu',
  'af',
  'y',
  'e',
]);

/**
 * A person's name: up to six words, no digits, each word capitalised (or a particle: "von",
 * "de la") in scripts that have case. "Jane covers city hall" and "Fighting back" are sentences.
 */
export function looksLikeName(text: string): boolean {
  const words = text.split(' ');
  if (words.length > 6 || /\d/.test(text) || NOT_NAMES.test(text) || /^the\s/i.test(text)) return false;
  const initial = text[0] ?? '';
  if (/\p{Lo}/u.test(initial)) return true;
  if (initial.toLowerCase() === initial) return false;
  // A particle ends no name: "Autorenseite von" is a link's label.
  if (PARTICLES.has(words[words.length - 1] ?? '')) return false;
  return words.every((word) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word) || PARTICLES.has(word) || /^\p{Ll}['’]\p{Lu}/u.test(word) || !/\p{L}/u.test(word));
}

/** A name of two to four capitalised words, as a second author in a part of its own is written. */
function isFullName(name: string): boolean {
  const words = name.split(' ').length;
  return words >= 2 && words <= 4 && looksLikeName(name);
}

/** "Posted by Tom Naughton in Good Science, News": the categories or the place after the name. */
const POSTED_IN = /\s+(?:in|im|dans)\s+.*$/u;

/** A CMS handle as a visible byline shows it ("jbat", "reineckefuchs"): one lower-case word. */
const HANDLE = /^[\p{Ll}\d][\p{Ll}\d._-]{1,30}$/u;

/**
 * A credit that is a name, an agency or desk, or a name with its job title or outlet that
 * sortCredits will split off; with `handles`, a login too.
 */
function namesSomeone(credit: string, handles: boolean): boolean {
  if (looksLikeName(credit) || kindOf(credit, null) === 'organization' || (handles && HANDLE.test(credit))) return true;
  const sorted = sortCredits([credit], null);
  return sorted.people.length > 0 && sorted.people.every(looksLikeName);
}

/**
 * The credits in a byline's text: the names of its first part up to the first group that names
 * no one ("Danielle Padula, Head of Marketing and …"; "Tips and Tricks" is one phrase, not two
 * names), less a lone word after a full name (the dateline's town: "Roland Parry, Washington");
 * then, of the parts after it, only an agency or desk ("JILL LAWLESS | Associated Press") or
 * another full name. A job title, a bio line and the date are no one. `handles`: an element
 * marked as the author may give a login ("jbat"); a line that only starts "By" may not.
 */
export function namesIn(text: string, handles = false): string[] {
  const [first = '', ...rest] = beforeDate(text).split(/\s[·•|]\s/);
  const names: string[] = [];
  for (const group of first
    .replace(POSTED_IN, '')
    .replace(/[\s·•|]+$/u, '')
    .split(/\s*[,;/]\s*/)) {
    const credits = splitAuthors(group);
    if (!credits.every((credit) => namesSomeone(credit, handles))) break;
    for (const credit of credits) {
      const lone = !credit.includes(' ') && kindOf(credit, null) !== 'organization';
      if (!(lone && names.some((name) => name.includes(' ')))) names.push(credit);
    }
  }
  if (names.length === 0) return [];
  const more = rest
    .filter((part) => !OTHER_ROLE.test(part))
    .flatMap((part) => splitAuthors(part).filter((name) => !JOB_TITLE.test(name) && (kindOf(name, null) === 'organization' || isFullName(name))));
  return [...names, ...more];
}
