// src/metadata/zone.ts
// The zone a page writes its local times in, for the dates it gives without one ("2026-05-13
// 15:44", "Do 25.04.24 | 14:07 Uhr"). Read as UTC they are hours off. The page often says its
// zone elsewhere: another date field written with an offset, or its country (og:locale "de_DE",
// lang "fr-FR", a .de address). A country whose regions keep different clocks (the US, Russia,
// Brazil, Spain with the Canaries) says nothing, and such dates stay UTC as before.

import type { CheerioAPI } from 'cheerio';

export interface PageZone {
  /** Minutes east of UTC at this instant, or undefined when the page's zone cannot tell. */
  offsetAt(instant: number): number | undefined;
}

/**
 * A zone looked for only when a date first needs one. Most pages write their zones, and the
 * search (selectors, ICU's zone list, a formatter per zone) cost 1 to 4 ms a page.
 */
export function whenNeeded(find: () => PageZone | undefined): PageZone {
  let found: { zone: PageZone | undefined } | undefined;
  return {
    offsetAt(instant) {
      found ??= { zone: find() };
      return found.zone?.offsetAt(instant);
    },
  };
}

/** A clock, then a zone at the very end: "…T15:44:00+02:00", "… 15:44 -0500", "…T13:44:00Z". */
const CLOCK_AND_OFFSET = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;
/** Machine date fields by name: article:published_time, datePublished, dc.date, pubdate... */
const DATE_FIELD = /date|time|published|modified|updated|created/i;
/** Date values in JSON-LD text, read without parsing it again. */
const JSON_LD_DATE = /"(?:date[A-Za-z]*|uploadDate|startDate)"\s*:\s*"([^"]{10,40})"/g;
/** Country-code domains sold for other meanings (.io, .tv, .co...): they name no country. */
const GENERIC_COUNTRY_DOMAINS = new Set(['ai', 'am', 'cc', 'co', 'fm', 'gg', 'io', 'ly', 'me', 'nu', 'sh', 'so', 'tk', 'to', 'tv', 'ws']);

/** The page's zone: an offset its own date fields declare, else its country's single zone. */
export function findPageZone($: CheerioAPI, pageUrl: string | undefined): PageZone | undefined {
  const declared = declaredOffset($);
  if (declared !== undefined) return { offsetAt: () => declared };
  const zones = countryZones(regionCandidates($, pageUrl));
  return zones ? singleClockOf(zones) : undefined;
}

/**
 * The zone of the first machine date field written with one: the page's meta tags, then its
 * JSON-LD, then <time> elements (last, as teasers for other stories carry them too). A "Z" counts:
 * a CMS that writes one field in UTC and drops the "Z" from its twin ("2019-11-18T17:01:27.893"
 * beside "2019-11-18T17:01:27.893Z") means UTC by both.
 */
function declaredOffset($: CheerioAPI): number | undefined {
  const values: string[] = [];
  $('meta[content]').each((_, element) => {
    const { name, property, itemprop, content } = element.attribs;
    if (DATE_FIELD.test(`${name ?? ''} ${property ?? ''} ${itemprop ?? ''}`)) values.push(content ?? '');
  });
  $('script[type="application/ld+json" i]').each((_, element) => {
    for (const match of $(element).text().matchAll(JSON_LD_DATE)) values.push(match[1]!);
  });
  $('time[datetime], [itemprop][datetime]').each((_, element) => {
    values.push(element.attribs['datetime'] ?? '');
  });
  for (const value of values) {
    const zone = CLOCK_AND_OFFSET.exec(value.trim());
    if (zone?.[1]) return 0;
    if (zone) return (zone[2] === '-' ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4]));
  }
  return undefined;
}

/** Region codes the page gives, surest first: og:locale, the lang declarations, the domain. */
function regionCandidates($: CheerioAPI, pageUrl: string | undefined): string[] {
  const tags = [$('meta[property="og:locale" i]').attr('content'), $('html').attr('lang'), $('meta[http-equiv="content-language" i]').attr('content')];
  const regions = tags.map((tag) => regionOf(tag)).filter((region): region is string => region !== undefined);
  const domain = countryDomain(pageUrl ?? $('link[rel="canonical" i]').attr('href') ?? $('meta[property="og:url" i]').attr('content'));
  return domain ? [...regions, domain] : regions;
}

function regionOf(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return new Intl.Locale(tag.trim().replace(/_/g, '-')).region;
  } catch {
    return undefined;
  }
}

function countryDomain(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const label = new URL(url).hostname.split('.').pop() ?? '';
    if (!/^[a-z]{2}$/.test(label) || GENERIC_COUNTRY_DOMAINS.has(label)) return undefined;
    return label === 'uk' ? 'GB' : label.toUpperCase();
  } catch {
    return undefined;
  }
}

/** The IANA zones of the first region ICU knows. */
function countryZones(regions: readonly string[]): string[] | undefined {
  for (const region of regions) {
    try {
      const locale = new Intl.Locale(`und-${region}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
      const zones = locale.getTimeZones?.() ?? locale.timeZones;
      if (zones && zones.length > 0) return zones;
    } catch {
      // An unknown region code: try the next declaration.
    }
  }
  return undefined;
}

/** One clock for all of a country's zones, checked at each instant (summer time included). */
function singleClockOf(zones: readonly string[]): PageZone {
  const formats = zones.map((timeZone) => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }));
  return {
    offsetAt(instant) {
      const offsets = new Set(formats.map((format) => offsetMinutes(format, instant)));
      return offsets.size === 1 ? [...offsets][0] : undefined;
    },
  };
}

/** "GMT+05:30" as 330, "GMT" as 0. */
function offsetMinutes(format: Intl.DateTimeFormat, instant: number): number | undefined {
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  if (name === 'GMT') return 0;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : undefined;
}

/** A local wall-clock time (its fields read as if UTC) as the instant it names in the zone. */
export function localToInstant(local: number, zone: PageZone): number {
  const first = zone.offsetAt(local);
  if (first === undefined) return local;
  // The offset at the true instant, which differs from the first guess only near a clock change.
  const second = zone.offsetAt(local - first * 60_000) ?? first;
  return local - second * 60_000;
}
