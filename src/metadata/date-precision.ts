// src/metadata/date-precision.ts
// A date alone must not hide the time another source gives for the same day. CMSes fill one field
// with the day only ("datePublished": "2024-03-05", article:published_time "2024-03-05") and
// another with the full timestamp; the first source in the priority order would win with
// midnight UTC, a time the page never said.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A date alone is stored as midnight UTC (values.ts toIsoDate); midnight on the dot reads the same. */
function isDateOnly(iso: string): boolean {
  return Date.parse(iso) % DAY_MS === 0;
}

/**
 * Whether `iso` can fall on the day `day` names in some zone: the day's local midnight runs from
 * 14 hours before its UTC midnight (UTC+14) to 12 hours after it (UTC−12).
 */
function fallsOnDay(iso: string, day: string): boolean {
  const at = Date.parse(iso);
  const start = Date.parse(day);
  return at >= start - 14 * HOUR_MS && at < start + DAY_MS + 12 * HOUR_MS;
}

/**
 * The index of the value to use among the candidates in priority order (undefined where a source
 * has none): the first, unless it is a date alone and a later source gives a time on that day.
 */
export function mostPreciseDate(candidates: ReadonlyArray<string | undefined>): number {
  const first = candidates.findIndex((value) => value !== undefined);
  const day = candidates[first];
  if (day === undefined || !isDateOnly(day)) return first;
  const timed = candidates.findIndex((value, index) => index > first && value !== undefined && !isDateOnly(value) && fallsOnDay(value, day));
  return timed >= 0 ? timed : first;
}
