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
