// src/metadata/credits.ts
// Author fields credit people, but also wire agencies ("dpa", "Associated Press"), desks and
// outlets ("Guardian staff reporter", "n-tv NACHRICHTEN", "mdr.de", the site itself), job titles
// ("AP Auto Writer", "CNN Editor-at-large") and places ("hessenschau.de, Frankfurt, Germany").
// This sorts them: people go to `authors`, agencies, desks and outlets to `organizations`, and
// titles and places to neither. What each credit is: credit-kinds.ts; one credit that holds
// two: credit-split.ts.

import { kindOf } from './credit-kinds.js';
import { type Credits, splitAgencyTail, splitAtJobTitle, splitOutletTail } from './credit-split.js';
import { uniqueIgnoringCase } from './values.js';

export type { Credits } from './credit-split.js';

/** A one-word credit in a script with case: a place ("Frankfurt") or a first name alone, once an outlet is credited beside it. */
function isSingleWord(credit: string): boolean {
  return !/\s/.test(credit) && /^\p{Lu}/u.test(credit);
}

/**
 * Sorts the names an author field gave (split already: splitAuthors) into people and
 * organisations; job titles go. Beside an outlet, a lone capitalised word is the outlet's town or
 * country ("hessenschau.de, Frankfurt, Germany"), not a person.
 */
export function sortCredits(names: readonly string[], siteName: string | null): Credits {
  const people: string[] = [];
  const organizations: string[] = [];
  const single: string[] = [];
  for (const name of names) {
    const glued = splitAtJobTitle(name, siteName) ?? splitAgencyTail(name) ?? splitOutletTail(name, siteName);
    if (glued) {
      people.push(...glued.people);
      organizations.push(...glued.organizations);
      continue;
    }
    const kind = kindOf(name, siteName);
    if (kind === 'organization') organizations.push(name);
    else if (kind === 'person') (isSingleWord(name) ? single : people).push(name);
  }
  // Beside an outlet, a lone capitalised word is its town or country; alone, it may be a pen name.
  if (organizations.length === 0) people.push(...single);
  return { people: uniqueIgnoringCase(people), organizations: uniqueIgnoringCase(organizations) };
}
