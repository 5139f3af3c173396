// src/metadata/values.ts
// Normalisers for metadata values: dates, person names, language tags.

import { collapseSpaces } from '../text/normalize.js';

export function cleanString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = collapseSpaces(decodeBasicEntities(value));
  return text === '' ? undefined : text;
}

/** JSON-LD and meta values are sometimes double-escaped by CMSes. */
function decodeBasicEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Any date a page gives, as ISO 8601 in UTC; unparseable dates are dropped, not guessed. */
export function toIsoDate(value: unknown): string | undefined {
  const text = cleanString(value);
  if (!text) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time).toISOString() : undefined;
}

const BYLINE_PREFIX = /^(?:by|von|par|por|di|door|przez|автор[:\s]|автор:|текст:|written by)\s*/i;
/** Commas, semicolons, "&" and the word "and" in the languages we see most. */
const AUTHOR_SEPARATOR = /\s*[,;|&]\s*|\s+(?:and|und|et|y|e|i|и|og|en|oraz|ve)\s+/iu;
const NOT_A_NAME = /@|https?:\/\/|www\./i;

/** Person names only: no "By", no e-mail addresses or URLs; "A, B and C" becomes three names. */
export function splitAuthors(value: string): string[] {
  return value
    .replace(BYLINE_PREFIX, '')
    .split(AUTHOR_SEPARATOR)
    .map((part) => collapseSpaces(part.replace(BYLINE_PREFIX, '')))
    .filter((part) => part !== '' && part.length <= 80 && !NOT_A_NAME.test(part));
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
