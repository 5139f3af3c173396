// src/metadata/credit-split.ts
// One credit that holds two: a name and the agency, outlet or job title set beside it, as a byline
// box reads when its parts sit in adjacent elements or a CMS writes them into one field.

import { AGENCIES, DESK_WORD, JOB_TITLE, kindOf } from './credit-kinds.js';

export interface Credits {
  people: string[];
  organizations: string[];
}

/** Agencies of two or more words, longest first: a short one ("AP", "PA") ends many a name. */
const LONG_AGENCIES = [...AGENCIES].filter((name) => name.includes(' ')).sort((a, b) => b.length - a.length);

/**
 * A name with its wire agency after it: "TOM CANAVAN ASSOCIATED PRESS", "KAREN MATTHEWSTHE
 * ASSOCIATED PRESS" (glued, in capitals).
 */
export function splitAgencyTail(credit: string): Credits | null {
  const lower = credit.toLowerCase();
  // Longest first, so "the associated press" is tried before "associated press".
  for (const agency of LONG_AGENCIES) {
    if (!lower.endsWith(agency) || lower.length === agency.length) continue;
    const cut = credit.length - agency.length;
    const glued = agency.startsWith('the ') && /\p{Lu}/u.test(credit[cut - 1] ?? '');
    if (credit[cut - 1] !== ' ' && !glued) continue;
    const name = credit.slice(0, cut).replace(/[\s,;–—-]+$/u, '');
    if (name.split(' ').length < 2) return null;
    return { people: [name], organizations: [credit.slice(cut).trim()] };
  }
  return null;
}

/** An acronym among capitalised words ("AAA Travel"): an outlet's name, as no person's name mixes them. */
function mixesAcronym(words: readonly string[]): boolean {
  const acronym = (word: string): boolean => /^\p{Lu}{2,}$/u.test(word);
  return words.some(acronym) && !words.every((word) => /^\p{Lu}[\p{Lu}.'-]*$/u.test(word));
}

/**
 * A name, a job title and an outlet run together: "Judith Burns Education reporter BBC News". The
 * words before the title are the person, less the subject word right before it ("Education",
 * "Political") when two remain; the words after it are the outlet when they read as one. An
 * agency before the title is the outlet ("JASON STRAZIUSO Associated Press Writer").
 */
export function splitAtJobTitle(credit: string, siteName: string | null): Credits | null {
  const words = credit.split(' ');
  const at = words.findIndex((word) => JOB_TITLE.test(word));
  if (at < 2) return null;
  const withAgency = splitAgencyTail(words.slice(0, at).join(' '));
  if (withAgency) return withAgency;
  const name = words.slice(0, at >= 3 ? at - 1 : at);
  // "AP Auto Writer", "AAA Travel Editor" and "Harbor Times Editor-at-large" are titles at an outlet.
  const outletFirst =
    kindOf(name.join(' '), siteName) === 'organization' || name.some((word) => AGENCIES.has(word.toLowerCase()) || DESK_WORD.test(word)) || mixesAcronym(name);
  if (outletFirst || !name.every((word) => /^\p{Lu}/u.test(word))) return null;
  const rest = words.slice(at + 1).join(' ');
  const outlet = rest !== '' && kindOf(rest, siteName) === 'organization' ? [rest] : [];
  return { people: [name.join(' ')], organizations: outlet };
}

/** A name of two to four words, each capitalised and not in capitals ("Brendan Carlin", "J. Smith"). */
const NAME_WORD = String.raw`\p{Lu}(?:[\p{Ll}'’][\p{L}.'’-]*|\.)`;
const NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){1,3}`;
/** "Brendan Carlin For The Mail On Sunday", "Jane Doe für den Kurier": a writer and the outlet they wrote for. */
const FOR_OUTLET = new RegExp(`^(${NAME})\\s+(?:[Ff]or|für|pour|para|per)\\s+((?:the\\s+|den\\s+|die\\s+|das\\s+|le\\s+|la\\s+|el\\s+)?\\p{Lu}.*)$`, 'u');
/** "John Harris TRIBUNE-REVIEW", "Brian Truitt USA TODAY": an outlet in capitals after a name that is not. */
const CAPITALS_OUTLET = new RegExp(`^(${NAME})\\s+(\\p{Lu}[\\p{Lu}\\d&.'-]*(?:\\s+\\p{Lu}[\\p{Lu}\\d&.'-]*)*)$`, 'u');
/**
 * "Anna Schmidt mit Material von dpa", "Max Müller (mit dpa)", "Jane Doe with wire services", and
 * after a comma on its own: "con información de EFE", "avec AFP".
 */
const WITH_SOURCE =
  /^(?:(.+?)\s+)?\(?(?:(?:mit|with)\s+(?:Material|Informationen|reporting|additional reporting)\s+(?:von|der|aus|by|from)|con\s+informaci[oó]n(?:es)?\s+de|mit|with|avec|con)\s+([^()]+?)\)?$/iu;
/** "Jane Doe - Staff Writer", "Jane Doe – Reuters": a dash before a title or an outlet. */
const DASHED = /^(.+?)\s+[-–—]+\s+(.+)$/u;

/** Sorts a second credit split off a first one that names a person. */
function withSecond(person: string, second: string, siteName: string | null): Credits | null {
  const kind = kindOf(second, siteName);
  return kind === 'organization' ? { people: [person], organizations: [second] } : kind === 'title' ? { people: [person], organizations: [] } : null;
}

/** A person with the outlet they wrote for, the agency that gave material, or a title after a dash. */
export function splitOutletTail(credit: string, siteName: string | null): Credits | null {
  const forOutlet = FOR_OUTLET.exec(credit);
  if (forOutlet && kindOf(forOutlet[1]!, siteName) === 'person') return { people: [forOutlet[1]!], organizations: [forOutlet[2]!] };
  const capitals = CAPITALS_OUTLET.exec(credit);
  const outlet = capitals?.[2];
  if (capitals && outlet && (AGENCIES.has(outlet.toLowerCase()) || /[\s-]/.test(outlet)) && kindOf(capitals[1]!, siteName) === 'person') {
    return { people: [capitals[1]!], organizations: [outlet] };
  }
  const source = WITH_SOURCE.exec(credit);
  const writer = source?.[1];
  if (source && (writer === undefined || (/\s/.test(writer) && kindOf(writer, siteName) === 'person'))) {
    const people = writer === undefined ? [] : [writer];
    const kind = kindOf(source[2]!, siteName);
    if (kind === 'organization') return { people, organizations: [source[2]!] };
    if (kind === 'person' && /\s/.test(source[2]!)) return { people: [...people, source[2]!], organizations: [] };
  }
  const dashed = DASHED.exec(credit);
  // A name of one word before a dash is as likely the outlet's own ("L-MAG – Das Magazin für Lesben").
  return dashed && /\s/.test(dashed[1]!) && kindOf(dashed[1]!, siteName) === 'person' ? withSecond(dashed[1]!, dashed[2]!, siteName) : null;
}
