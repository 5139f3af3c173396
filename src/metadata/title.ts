// src/metadata/title.ts
// The site name inside a page title ("Headline - Site"): read it, or cut it off the headline.

/** "Headline - Site", "Headline | Site", "Headline — Site" and "Site: Headline" separators. */
const TITLE_SEPARATORS = /\s+[-|–—:·•»]\s+/;

/** The last part of "Headline - Site Name" when it is short enough to be a name. */
export function siteNameFromTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const parts = title.split(TITLE_SEPARATORS);
  const last = parts.length > 1 ? parts[parts.length - 1]?.trim() : undefined;
  return last && last.split(' ').length <= 4 ? last : undefined;
}

/** Drops a " - Site Name" suffix (or "Site Name: " prefix) that repeats the site's name. */
export function stripSiteName(title: string, siteName: string | undefined | null): string {
  if (!siteName) return title;
  const lowerSite = siteName.toLowerCase();
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  if (parts[parts.length - 1]?.trim().toLowerCase() === lowerSite) {
    return title
      .slice(0, title.toLowerCase().lastIndexOf(lowerSite))
      .replace(/\s+[-|–—:·•»]\s*$/, '')
      .trim();
  }
  if (parts[0]?.trim().toLowerCase() === lowerSite) {
    return title
      .slice(siteName.length)
      .replace(/^\s*[-|–—:·•»]\s+/, '')
      .trim();
  }
  return title;
}

/** Pipes and dashes between a title's parts (not colons: "Kicker: Headline" is headline.ts's). */
const LABEL_SEPARATOR = /(\s+[|–—·•»-]\s+)/;
/** A date as a title suffix: "28.04.2023", "2023-04-28", "28 April 2023". */
const DATE_LABEL = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})$/u;
/** A section name between a headline and a dated suffix: one or two words ("Lokales", "World News"). */
const MAX_SECTION_WORDS = 2;

/**
 * Drops the labels a CMS writes after the headline in <title> and og:title: the site's name, the
 * section the page declares and a date ("… | Sport | 28.04.2023", "… | DW | 28.04.2023"). Behind a
 * date, the short parts before it are labels too ("… | Lokales | 28.04.2023"): a headline is never
 * followed by a date in its own words.
 */
export function stripTitleLabels(title: string, siteName: string | null, section: string | null): string {
  const pieces = title.split(LABEL_SEPARATOR);
  const isLabel = (part: string): boolean => {
    const lower = part.trim().toLowerCase();
    return DATE_LABEL.test(part.trim()) || lower === siteName?.toLowerCase() || lower === section?.toLowerCase();
  };
  let end = pieces.length;
  let dated = false;
  // A date after a number is the end of a range ("Wochenbericht 14. - 20. Januar 2022"), not a label.
  while (end > 2 && isLabel(pieces[end - 1]!) && !/\d\.?$/.test(pieces[end - 3]!)) {
    dated ||= DATE_LABEL.test(pieces[end - 1]!.trim());
    end -= 2;
  }
  while (dated && end > 2 && pieces[end - 1]!.trim().split(/\s+/).length <= MAX_SECTION_WORDS) end -= 2;
  return end === pieces.length ? title : pieces.slice(0, end).join('').trim();
}
