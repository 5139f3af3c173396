// src/text/dump.ts
// Plain-text dumps of pages (one block per line): the first line is the headline, a repeated
// " - Site Name" suffix names the site, and a credit line glued to its caption is split using
// the caption's duplicate on a nearby line.

import { CREDIT_PREFIX } from '../filters/patterns.js';
import { collapseSpaces, textKey } from './normalize.js';
import type { DumpLine } from '../types.js';

export interface DumpFigure {
  caption: string | null;
  credit: string | null;
}

export function splitLines(text: string): DumpLine[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => collapseSpaces(line))
    .filter((line) => line !== '')
    .map((line, index) => ({ index, text: line }));
}

/** Page titles carry 1-4 word site names after " - "; one that recurs is the site's name. */
export function siteNameFromSuffixes(lines: readonly DumpLine[]): string | null {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const at = line.text.lastIndexOf(' - ');
    if (at <= 0) continue;
    const suffix = line.text.slice(at + 3).trim();
    const words = suffix.split(' ').length;
    if (words >= 1 && words <= 4 && /^\p{Lu}/u.test(suffix)) counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].filter(([, count]) => count >= 2).sort((a, b) => b[1] - a[1]);
  return best?.[0] ?? null;
}

/** The lead image: a credit line, and its caption found again on one of the next lines. */
export function findLeadFigure(lines: readonly DumpLine[], siteName: string | null): DumpFigure | null {
  const position = lines.findIndex((line) => CREDIT_PREFIX.test(line.text));
  const creditLine = lines[position];
  if (!creditLine) return null;
  for (const candidate of lines.slice(position + 1, position + 3)) {
    const caption = withoutSuffix(candidate.text, siteName);
    if (caption.length < 12 || !creditLine.text.endsWith(caption)) continue;
    const credit = collapseSpaces(creditLine.text.slice(0, creditLine.text.length - caption.length));
    return { caption, credit: credit === '' ? null : credit };
  }
  return { caption: null, credit: creditLine.text };
}

function withoutSuffix(text: string, siteName: string | null): string {
  if (!siteName) return text;
  const suffix = ` - ${siteName}`;
  return textKey(text).endsWith(textKey(siteName)) && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}
