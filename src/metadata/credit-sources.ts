// src/metadata/credit-sources.ts
// Which source's credits the page gets: the first that names a person, with the organisations of
// the sources up to it; a login gives way to a name; the visible byline to a JSON-LD person it
// does not name.

import { looksLikeName } from './byline-text.js';
import { type Credits, sortCredits } from './credits.js';
import type { MetadataFields, MetadataSource } from './types.js';
import { uniqueIgnoringCase } from './values.js';

type SourceTable = Partial<Record<MetadataSource, MetadataFields>>;

const nameKey = (name: string): string => name.toLowerCase().replace(/[^\p{L}]/gu, '');

/**
 * The people the visible byline names, when JSON-LD names someone else: the byline is what the
 * reader sees, and a CMS often fills JSON-LD with the editor who published the story. Only full
 * names count (two words or more, capitalised), so a label in a byline slot ("Biography",
 * "Astronomy") never wins; a byline that names any JSON-LD person agrees with it.
 */
function shownInstead(declared: readonly string[], byline: MetadataFields | undefined, siteName: string | null): string[] | undefined {
  const shown = sortCredits(byline?.authors ?? [], siteName).people;
  if (shown.length === 0 || !shown.every((name) => name.includes(' ') && looksLikeName(name))) return undefined;
  const keys = declared.map(nameKey);
  const agrees = shown.some((name) => keys.some((key) => key.includes(nameKey(name)) || nameKey(name).includes(key)));
  return agrees ? undefined : shown;
}

/** A CMS login ("andrew.keaveney", "jdoe_2"): how the site's software names a person, not the page. */
const LOGIN_HANDLE = /^[a-z\d]+(?:[._-][a-z\d]+)+$/;

/**
 * People and organisations credited for the story. A source that credits only an agency ("dpa")
 * does not hide the people a later source names (the visible byline): the first source that
 * names a person gives the authors, and the organisations of the sources up to it are kept. A
 * source that names people only by their logins gives way the same way, to a later one that names
 * them as the page does (a WordPress account beside the byline "Denise Everheart").
 */
export function readCredits(order: readonly MetadataSource[], sources: SourceTable, siteName: string | null): Credits & { source: MetadataSource | undefined } {
  const organizations: string[] = [];
  let first: MetadataSource | undefined;
  let logins: { people: string[]; source: MetadataSource } | undefined;
  for (const source of order) {
    const typed = sources[source]?.organizations ?? [];
    organizations.push(...typed);
    if (typed.length > 0) first ??= source;
    const names = sources[source]?.authors;
    if (!names || names.length === 0) continue;
    const credits = sortCredits(names, siteName);
    organizations.push(...credits.organizations);
    if (credits.people.length > 0 && credits.people.every((name) => LOGIN_HANDLE.test(name))) logins ??= { people: credits.people, source };
    else if (credits.people.length > 0) {
      const shown = source === 'json-ld' ? shownInstead(credits.people, sources.byline, siteName) : undefined;
      return shown
        ? { people: shown, organizations: uniqueIgnoringCase(organizations), source: 'byline' }
        : { people: credits.people, organizations: uniqueIgnoringCase(organizations), source };
    }
    if (credits.organizations.length > 0) first ??= source;
  }
  if (logins) return { ...logins, organizations: uniqueIgnoringCase(organizations) };
  return { people: [], organizations: uniqueIgnoringCase(organizations), source: first };
}
