// src/metadata/values.ts
// Normalisers for metadata values: dates, person names, tags and language tags.

import { MAX_TOPIC_WORDS, topicOf } from './tags.js';
import { decodeHTML } from 'entities';
import { collapseSpaces } from '../text/normalize.js';
import { localToInstant, type PageZone } from './zone.js';
import { tidyName } from './name-tidy.js';
import { AGENCIES } from './credit-kinds.js';
import { withoutPlaceTail } from './places.js';

export function cleanString(value: unknown): string | undefined {
  return typeof value === 'string' ? tidy(decodeEntities(value)) : undefined;
}

/** Spaces collapsed, and nothing for an empty value; for text whose entities are decoded already. */
function tidy(text: string): string | undefined {
  const collapsed = collapseSpaces(text);
  return collapsed === '' ? undefined : collapsed;
}

/**
 * HTML entities in a metadata value, decoded once: JSON-LD is raw script text the HTML parser
 * never decodes ("R&uuml;ckbau", "&#8216;family&#8217;"), and CMSes double-escape meta values
 * ("&amp;uuml;" reaches us as "&uuml;"). One pass of the full table, so "&amp;amp;" gives
 * "&amp;", not "&". Values that held no "&" are returned as they are.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/** A zone at the end ("Z", "+02:00", "-0400", "GMT", "EST"): without one, Date.parse uses the machine's zone. */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b)\s*$/i;
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
/** "01:38:07 PM IST Nov 20, 2019": a clock and a zone abbreviation before the date. */
const CLOCK_FIRST = /^(\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M)\s+([A-Z]{2,4})\s+(.+)$/i;
/** Zone abbreviations Date.parse does not know, as offsets. Only unambiguous, common ones. */
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  UTC: '+0000',
  GMT: '+0000',
  IST: '+0530',
  CET: '+0100',
  CEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  JST: '+0900',
  KST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
};
/** "06.12.2023" is day-first in every country that writes it; Date.parse would read June 12. */
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/;

/** A wall-clock time in free text ("May 13, 2026 3:44 PM"), as opposed to a date alone. */
const CLOCK = /\b\d{1,2}:\d{2}\b/;

/**
 * Any date a page gives, as ISO 8601 normalised to UTC ("…Z"), so dates from different sources
 * compare as strings. A date and time without a zone is read in the page's zone when the page
 * says it elsewhere (zone.ts), else as UTC, never as the machine's local time, so output does
 * not depend on where it runs. A date alone, or at midnight on the dot, stays midnight UTC:
 * shifting it would change the day.
 * Unparseable dates are dropped, not guessed.
 */
export function toIsoDate(value: unknown, zone?: PageZone): string | undefined {
  const text = cleanString(value);
  if (!text) return undefined;
  const clockFirst = CLOCK_FIRST.exec(text);
  const named = clockFirst ? ZONE_OFFSETS[clockFirst[2]!.toUpperCase()] : undefined;
  if (clockFirst && named) return toIsoDate(`${clockFirst[3]} ${clockFirst[1]} ${named}`);
  const dotted = DOTTED_DATE.exec(text);
  const zoned = !dotted && (/^\d{4}-\d{2}-\d{2}$/.test(text) || HAS_ZONE.test(text));
  const normalised = dotted
    ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}T${(dotted[4] ?? '0').padStart(2, '0')}:${dotted[5] ?? '00'}Z`
    : ISO_LOCAL.test(text)
      ? `${text.replace(' ', 'T')}Z`
      : zoned
        ? text
        : `${text} UTC`;
  const read = Date.parse(normalised);
  if (Number.isNaN(read)) return undefined;
  // Midnight on the dot is how CMSes write a date alone ("2020-02-12T00:00:00"): it keeps its day.
  const local = !zoned && (dotted ? dotted[4] !== undefined : CLOCK.test(text)) && read % 86_400_000 !== 0;
  const time = zone && local ? localToInstant(read, zone) : read;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time).toISOString() : undefined;
}

/** "By", "Von", "Par", "Por", "Автор:"… at the start of a byline; the lookahead keeps "Byron" whole. */
const BYLINE_PREFIX =
  /^(?:(?:this\s+(?:post|article|story|piece)\s+(?:was\s+)?)?(?:written|posted|reported|reporting|words|text|story|analysis|opinion|commentary|review|reviewed|edited|editing|published|interview|photos?|video)\s+by|(?:erstellt|eingestellt|veröffentlicht|geschrieben|verfasst)\s+von(?:\s+der|\s+dem)?|(?:authors?|autor(?:in|en|a|e)?|auteur|text|texte|texto|testo)\s*(?=[:：])|by|von|vom|par|por|di|door|przez|av|af|autor|auteur|автор|текст|文|记者|記者)(?=[\s:：]|$)[\s:：]*/iu;
/**
 * Credits beside the writer's that are not the writer's: the photographer, the video maker, the
 * editor, the translator ("Reporting by Jane Doe; Editing by John Roe", "Text: A / Fotos: B").
 * Dropped when the byline names someone else; alone, the name they give is the only credit.
 */
export const OTHER_ROLE =
  /^(?:(?:photos?|photographs?|pictures?|video|videos|editing|edited|illustrations?|graphics?|translated|translation|produced)\s+by|(?:fotos?|bilder?|video|bearbeitet|übersetzt|redigiert)\s+von|(?:photos?|fotos?|bilder?|video|illustrations?|grafik|graphics?|editing)\s*[:：])/iu;
/** Markup printed into an author field ("AL ALEXANDER<BR>The Patriot Ledger"): a line break parts two credits. */
const PRINTED_BREAK = /<br\s*\/?>/gi;
const PRINTED_TAG = /<\/?[a-z][^<>]*>/gi;
/** Commas, semicolons, "&" and the word "and" in the languages we see most. */
const AUTHOR_SEPARATOR = /\s*[,;|&/]\s*|\s+(?:and|und|et|y|e|i|и|og|en|oraz|ve)\s+/iu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL_TEXT = /\b(?:https?:\/\/|www\.)\S+/gi;
/** Left over once an address is cut out: "Jane Doe ()" or "Jane Doe -". */
/** "Rachael Link, MS, RD": degrees and suffixes split off by the comma are not names. */
const CREDENTIAL = /^(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3})$/;
/** CMS account names and desk labels that fill author fields but name no person. */
const PLACEHOLDER_NAME = /^(?:\w*admin\w*|editor|editorial|staff|guest|redaktion|redacción|rédaction|red\.?|гость|редакция)$/i;
const EMPTY_WRAPPERS = /\(\s*\)|\[\s*\]|<\s*>|\s[-–—|]\s*$/g;

/** Person names only: no "By", no e-mail addresses or URLs; "A, B and C" becomes three names. */
/** `value` is text with its entities decoded (cleanString, or the page's own text). */
/**
 * A name in capitals run into the next credit ("JILL LAWLESSAssociated Press"): two adjacent
 * elements whose text was joined without a space. Capitals then a capitalised word never occur
 * inside one name.
 */
const GLUED_CREDITS = /(\p{Lu}{3,})(?=\p{Lu}\p{Ll})/gu;

export function splitAuthors(value: string): string[] {
  const withoutAddresses = value
    .replace(PRINTED_BREAK, ', ')
    .replace(PRINTED_TAG, ' ')
    .replace(EMAIL, ' ')
    .replace(URL_TEXT, ' ')
    .replace(EMPTY_WRAPPERS, ' ')
    .replace(GLUED_CREDITS, '$1, ');
  // A place at the end ('…, Springfield, USA') is neither a person nor an organization.
  const parts = withoutPlaceTail(collapseSpaces(withoutAddresses).split(AUTHOR_SEPARATOR));
  const writers = parts.filter((part) => !OTHER_ROLE.test(part.trim()));
  const names = (writers.some((part) => part.trim() !== '') ? writers : parts)
    .map((part) => tidyName(collapseSpaces(part.replace(BYLINE_PREFIX, '').replace(EMPTY_WRAPPERS, ' '))))
    .filter(
      (part) =>
        part !== '' &&
        part.length <= 80 &&
        /\p{L}/u.test(part) &&
        !part.includes('@') &&
        // A word cut off at a line end ("Home- and Digital-Security Expert") is no name.
        !part.endsWith('-') &&
        !/\d/.test(part) &&
        (!CREDENTIAL.test(part) || AGENCIES.has(part.toLowerCase())) &&
        !PLACEHOLDER_NAME.test(part),
    );
  return uniqueIgnoringCase(names);
}

const TAG_SEPARATOR = /\s*(?:,|(?<!&#?[a-zA-Z0-9]+);)\s*/;

/** "a, b" strings and arrays alike become a de-duplicated list of short labels. */
export function toTagList(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : [value];
  const tags = raw
    // Decoded once, before splitting, so the ";" of "&ouml;" is no separator; and the ";" of an
    // entity still there after that one decoding ("&amp;amp;" gives "&amp;") is none either.
    .flatMap((entry) => (typeof entry === 'string' ? decodeEntities(entry).split(TAG_SEPARATOR) : []))
    .map((entry) => {
      const tag = tidy(entry);
      return tag === undefined ? undefined : topicOf(tag);
    })
    .filter((tag): tag is string => tag !== undefined && tag.length <= 100);
  return uniqueIgnoringCase(tags);
}

/**
 * Keywords some CMSes write as one string of words with no separator ("Energiewende Windkraft
 * Nordsee Netzausbau …"): longer than any one topic, so toTagList drops it. Split into its words,
 * it is a rough topic list, used only when the page has no other (metadata/index.ts).
 */
export function spaceJoinedWords(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : [value];
  if (raw.length !== 1 || typeof raw[0] !== 'string') return [];
  const text = tidy(decodeEntities(raw[0])) ?? '';
  if (TAG_SEPARATOR.test(text)) return [];
  const words = text.split(/\s+/);
  if (words.length <= MAX_TOPIC_WORDS) return [];
  const topics = words
    .filter((word) => /\p{L}{2}/u.test(word))
    .map((word) => topicOf(word))
    .filter((word): word is string => word !== undefined);
  return uniqueIgnoringCase(topics);
}

export function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function toLangTag(value: unknown): string | undefined {
  const text = cleanString(value);
  if (!text) return undefined;
  const match = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}|[a-z]{4}))?\b/i.exec(text);
  if (!match?.[1]) return undefined;
  const region = match[2];
  const base = match[1].toLowerCase();
  if (!region) return base;
  return region.length === 4 ? `${base}-${region[0]!.toUpperCase()}${region.slice(1).toLowerCase()}` : `${base}-${region.toUpperCase()}`;
}
