// src/filters/site.ts
// Tells the site's own links (recirculation, permalinks) from links elsewhere (sources, shops).

import type { FilterContext } from '../types.js';

/** The site part of a host: "www.news.example.com" -> "example.com". */
export function siteOf(host: string): string {
  return host
    .replace(/^www\d?\./, '')
    .split('.')
    .slice(-2)
    .join('.');
}

/**
 * True when `href` points to the page's own site. Relative links do; without a known page
 * address every link counts as the site's own, as nothing tells them apart.
 */
export function isOwnSiteLink(href: string, ctx: FilterContext): boolean {
  if (!ctx.url) return true;
  try {
    return siteOf(new URL(href, ctx.url).hostname) === siteOf(new URL(ctx.url).hostname);
  } catch {
    return true;
  }
}
