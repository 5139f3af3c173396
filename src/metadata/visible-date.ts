// src/metadata/visible-date.ts
// The date a page shows but does not declare: "Do 25.04.24 | 14:07 Uhr", "erstellt: 01. April
// 2025, 15:25", "Published 7:07 PM EST Nov 19, 2019", next to the headline or the byline; then
// the date in the URL ("/2019/11/19/"), date only, as the last resort. Read only when no machine
// source has a date, since parsing written dates is slower and less sure than reading an ISO value.
// Written dates are parsed by chrono-node, in the page's language (day-first outside the US).

import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';
import { toIsoDate } from './values.js';
import type { PageZone } from './zone.js';
import { closestElement, compileSelector } from '../parse/select.js';

/** The part of chrono-node this module uses: one locale's strict parser. */
interface ParsedComponents {
  get(component: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'timezoneOffset'): number | null;
  isCertain(component: 'year' | 'day' | 'hour' | 'timezoneOffset'): boolean;
}
interface ParsedDate {
  index: number;
  text: string;
  start: ParsedComponents;
  /** A range's end: "12.03.2024 - 08:00 Uhr" is read as a day ending at a time. */
  end?: ParsedComponents | null;
}
interface DateParser {
  parse(text: string, reference?: Date): ParsedDate[];
}

/** chrono-node's locales; other languages are tried with the English parser, read day-first. */
const CHRONO_LOCALES = new Set(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'ja', 'zh', 'sv', 'fi']);
/** English-speaking regions that write the month first; every other English page is read day-first. */
const MONTH_FIRST_REGIONS = new Set(['us', 'ca', 'ph']);

/**
 * Loaded on first use, one locale at a time (about 50 ms each), so that start-up and the pages
 * that declare their dates (most of them) do not pay for it. Node's module cache keeps it.
 * Month-first is American: an English page with no region is read so, but a page in a language
 * chrono has no parser for ("Opublikowano: 12.03.2024") is read day-first, as its country writes.
 */
function parserFor(lang: string | null): DateParser {
  const require = createRequire(import.meta.url);
  const [primary = 'en', region = ''] = (lang ?? 'en').toLowerCase().split(/[-_]/);
  const locale = CHRONO_LOCALES.has(primary) ? primary : 'en';
  const module = require(`chrono-node/${locale}`) as { strict: DateParser; GB?: DateParser };
  const dayFirst = primary === 'en' ? region !== '' && !MONTH_FIRST_REGIONS.has(region) : locale === 'en';
  if (dayFirst && module.GB) return module.GB;
  return module.strict;
}

/**
 * How sure an element is to hold the story's own date, by its names and its words: a line that
 * says "Published" or a byline with its date beats a bare "meta" box, which may date a quoted
 * claim or a source. Elements with none of these never count: dates in the prose are other events.
 */
const PUBLISHING_WORDS =
  /^(?:published|posted|first published|erstellt|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|опубликовано|публикация|发布|公開|입력|등록)\b|^(?:by|von|par|por|di)\s/i;
const DATE_NAMES = /date|time|publish|posted|dateline|datum|zeit|fecha|byline|author/i;
const BOX_NAMES = /meta|info|data|details/i;
const CANDIDATES = 'time, span, div, p, small, li, address, em, strong';
const ELSEWHERE = 'aside, footer, nav, [class*="comment" i], [class*="related" i], [class*="recommend" i], [class*="teaser" i]';
const IS_ELSEWHERE = compileSelector(ELSEWHERE);
/** A written year: four digits, or a dotted or slashed day, month and two-digit year. */
const WRITTEN_YEAR = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b/;
const UPDATED = /updat|aktualisiert|geändert|mis à jour|actualiz|aggiornat|обновл|modifi/i;
const MAX_TEXT = 120;
/** A time that follows the date after a separator ("25.04.24 | 14:07 Uhr", "1. April 2025, 15:25"). */
const MAX_GAP_TO_TIME = 5;

function ownShortText(element: Element): string | undefined {
  if (element.children.length > 8) return undefined;
  const parts: string[] = [];
  const walk = (node: AnyNode): boolean => {
    if (node.type === 'text') parts.push(node.data);
    else if (node.type === 'tag') for (const child of node.children) if (!walk(child)) return false;
    return parts.join('').length <= MAX_TEXT * 2;
  };
  if (!walk(element)) return undefined;
  const text = collapseSpaces(parts.join(''));
  return text.length >= 6 && text.length <= MAX_TEXT ? text : undefined;
}

/** Year, month and day as written, the clock and zone when given; no zone is the page's (zone.ts). */
function isoOf(date: ParsedComponents, clock: ParsedComponents | undefined, pageZone: PageZone | undefined): string | undefined {
  const pad = (n: number | null): string => String(n ?? 0).padStart(2, '0');
  const day = `${date.get('year')}-${pad(date.get('month'))}-${pad(date.get('day'))}`;
  const time = date.isCertain('hour') ? date : clock;
  if (!time) return toIsoDate(day);
  const offset = time.isCertain('timezoneOffset') ? time.get('timezoneOffset') : null;
  const zone = offset === null ? '' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return toIsoDate(`${day}T${pad(time.get('hour'))}:${pad(time.get('minute'))}:00${zone}`, pageZone);
}

/** The first full date in a short text, with the clock written just after it when there is one. */
export function parseWrittenDate(text: string, lang: string | null, zone?: PageZone): string | undefined {
  if (!WRITTEN_YEAR.test(text)) return undefined;
  const results = parserFor(lang).parse(text, new Date(Date.UTC(2000, 0, 1)));
  const at = results.findIndex((result) => result.start.isCertain('year') && result.start.isCertain('day') && WRITTEN_YEAR.test(result.text));
  const date = results[at];
  if (!date) return undefined;
  const next = results[at + 1];
  const gap = next ? next.index - (date.index + date.text.length) : Infinity;
  const clock = next && gap <= MAX_GAP_TO_TIME && next.start.isCertain('hour') && !next.start.isCertain('day') ? next.start : undefined;
  // "12.03.2024 - 08:00 Uhr": chrono reads a day and a time joined by a dash as a range.
  const rangeClock = date.end?.isCertain('hour') && !date.end.isCertain('day') ? date.end : undefined;
  return isoOf(date.start, clock ?? rangeClock, zone);
}

function sureness(element: Element, text: string): number {
  const attribs = element.attribs;
  const names = `${attribs['class'] ?? ''} ${attribs['id'] ?? ''} ${attribs['itemprop'] ?? ''}`;
  const named = element.name === 'time' || DATE_NAMES.test(names) ? 2 : BOX_NAMES.test(names) ? 1 : 0;
  return named + (PUBLISHING_WORDS.test(text) ? 2 : 0);
}

/**
 * The region next to the headline: the h1's container up to three levels, or the article's own
 * element; a date elsewhere on the page (a teaser, a comment, the footer) belongs to something else.
 */
function headlineRegion($: CheerioAPI): AnyNode | undefined {
  const h1 = $('article h1, main h1, h1').first();
  const ancestors = h1
    .parents()
    .toArray()
    .filter((node) => node.name !== 'body' && node.name !== 'html');
  if (h1.length > 0) return ancestors.slice(0, 3).pop() ?? h1.get(0);
  return $('article, main, [role="main"]').get(0);
}

export interface VisibleDates {
  publishedTime?: string | undefined;
  modifiedTime?: string | undefined;
}

export function readVisibleDates($: CheerioAPI, lang: string | null, zone?: PageZone): VisibleDates {
  const region = headlineRegion($);
  if (!region) return {};
  const best: Partial<Record<keyof VisibleDates, { iso: string; sureness: number }>> = {};
  for (const element of $(region).find(CANDIDATES).toArray()) {
    const text = ownShortText(element);
    const score = text ? sureness(element, text) : 0;
    if (!text || score === 0 || closestElement(element, IS_ELSEWHERE) !== null) continue;
    const field = UPDATED.test(text) && !PUBLISHING_WORDS.test(text) ? 'modifiedTime' : 'publishedTime';
    // The first of the surest: nested boxes repeat one date, and the page's order puts its own first.
    if ((best[field]?.sureness ?? 0) >= score) continue;
    const iso = parseWrittenDate(text, lang, zone);
    if (iso) best[field] = { iso, sureness: score };
  }
  return { publishedTime: best.publishedTime?.iso, modifiedTime: best.modifiedTime?.iso };
}

/** "/2019/11/19/", "/2019-11-19/", "/2019/nov/18/" in the path: a date, with no time. */
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2}|[a-z]{3})[/-](\d{1,2})(?=[/-]|$)/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function dateFromUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = URL_DATE.exec(path);
  if (!match) return undefined;
  const month = /^\d+$/.test(match[2]!) ? Number(match[2]) : MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return toIsoDate(`${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
