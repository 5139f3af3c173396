// src/parse/streaming.ts
// React's streamed server rendering sends a page in two passes: first the layout with a loading
// skeleton in each "boundary", then the real content in hidden segments that an inline script
// swaps in. No script runs here, so the swap is done by hand, or the prose would be dropped as
// hidden and the skeleton ("Loading paragraph...") would be the article.

import type { CheerioAPI } from 'cheerio';

/** `$RC("B:0","S:0")`: React's call that replaces boundary B:0 (its fallback) with segment S:0. */
const SWAP_CALL = /\$RC\(\s*["'](B:[0-9a-z]+)["']\s*,\s*["'](S:[0-9a-z]+)["']\s*\)/gi;
/** A pending boundary: its template, the fallback shown meanwhile, and the closing comment. */
const PENDING_BOUNDARY = /<!--\$\?-->\s*<template\s+id="(B:[0-9a-z]+)"\s*><\/template>[\s\S]*?<!--\/\$-->/gi;
const SLOT_ATTRIBUTE = 'data-streamed-slot';
const SEGMENT_ID = /^S:[0-9a-z]+$/i;

/**
 * Replaces each pending boundary that a swap call names with an empty slot for its segment, on
 * the raw HTML (comments and templates, which mark boundaries, are gone once the page is parsed).
 */
export function markStreamedSlots(html: string): string {
  if (!html.includes('$RC(')) return html;
  const segments = new Map<string, string>();
  for (const [, boundary, segment] of html.matchAll(SWAP_CALL)) segments.set(boundary!, segment!);
  if (segments.size === 0) return html;
  return html.replace(PENDING_BOUNDARY, (whole, boundary: string) => {
    const segment = segments.get(boundary);
    return segment ? `<div ${SLOT_ATTRIBUTE}="${segment}"></div>` : whole;
  });
}

/** Moves each segment into its slot; segments with no slot are at least shown. */
export function fillStreamedSlots($: CheerioAPI): void {
  $(`[${SLOT_ATTRIBUTE}]`).each((_, slot) => {
    const segment = $(`body [id="${slot.attribs[SLOT_ATTRIBUTE]}"]`).first();
    if (segment.length === 0) return;
    $(slot).replaceWith(segment.contents());
    segment.remove();
  });
  $('body [hidden][id^="S:"]').each((_, element) => {
    if (SEGMENT_ID.test(element.attribs['id'] ?? '')) $(element).removeAttr('hidden');
  });
}
