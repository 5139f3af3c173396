// src/metadata/credits.ts
// Author fields credit people, but also wire agencies ("dpa", "Associated Press"), desks and
// outlets ("Guardian staff reporter", "n-tv NACHRICHTEN", "mdr.de", the site itself), job titles
// ("AP Auto Writer", "CNN Editor-at-large") and places ("hessenschau.de, Frankfurt, Germany").
// This sorts them: people go to `authors`, agencies, desks and outlets to `organizations`, and
// titles and places to neither.

/** Wire agencies and syndicates, by the names bylines give them. Matched as the whole credit. */
const AGENCIES = new Set(
  [
    'ap',
    'associated press',
    'the associated press',
    'reuters',
    'thomson reuters',
    'afp',
    'agence france-presse',
    'agence france presse',
    'dpa',
    'deutsche presse-agentur',
    'epd',
    'kna',
    'apa',
    'sda',
    'keystone-sda',
    'ansa',
    'efe',
    'europa press',
    'belga',
    'anp',
    'pa',
    'pa media',
    'press association',
    'upi',
    'bloomberg',
    'xinhua',
    'kyodo',
    'yonhap',
    'tass',
    'ria novosti',
    'interfax',
    'anadolu',
    'anadolu agency',
    'cna',
    'pti',
    'ians',
    'aap',
    'ntb',
    'tt',
    'ritzau',
    'ctk',
    'pap',
  ].map((name) => name.toLowerCase()),
);
/** Words that make a credit a desk or an outlet: "… staff", "Gear Team", "… Newsroom", "… NACHRICHTEN". */
const DESK_WORD =
  /(?<!\p{L})(?:staff|team|desk|newsroom|news|wire|media|agency|agencies|redaktion|nachrichten|rédaction|redacción|redazione|redação|noticias|notícias|nouvelles|notizie|новости|редакция)(?!\p{L})/iu;
/**
 * A web address as a credit ("mdr.de", "example.co.uk", "news.online"): the outlet. Its last label
 * is a country code or one of the common generic domains; "andrew.keaveney" and "sam.okafor" are
 * logins (first.last), not hosts.
 */
const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:[a-z]{2}|com|org|net|edu|gov|int|info|biz|news|online|media|blog|site|press|today|live|world|app)$/iu;
/** Job titles: a credit that names what someone does, not who. */
const JOB_TITLE =
  /(?<!\p{L})(?:writer|editor(?:-at-large)?|editors|reporter|correspondent|columnist|contributor|producer|analyst|photographer|critic|journalist|anchor|chief|senior|founder|co-founder|ceo|president|director|manager|engineer|attorney|educators?|redakteur(?:in)?|korrespondent(?:in)?|rédacteur|rédactrice|journaliste|periodista|redactor(?:a)?|giornalista|корреспондент|обозреватель)(?!\p{L})/iu;

import { uniqueIgnoringCase } from './values.js';

export interface Credits {
  people: string[];
  organizations: string[];
}

function kindOf(credit: string, siteName: string | null): 'organization' | 'title' | 'person' {
  const lower = credit.toLowerCase();
  if (AGENCIES.has(lower) || DOMAIN.test(credit) || (siteName !== null && lower === siteName.toLowerCase())) return 'organization';
  // "Guardian staff reporter" is a desk's credit; "AP Auto Writer" is a person's title.
  if (DESK_WORD.test(credit)) return 'organization';
  if (JOB_TITLE.test(credit)) return 'title';
  return 'person';
}

/** A one-word credit in a script with case: a place ("Frankfurt") or a first name alone, once an outlet is credited beside it. */
function isSingleWord(credit: string): boolean {
  return !/\s/.test(credit) && /^\p{Lu}/u.test(credit);
}

/**
 * A name, a job title and an outlet run together in one credit, as a byline box's text reads when
 * its parts sit in adjacent elements: "Judith Burns Education reporter BBC News". The words before
 * the title are the person, less the subject word right before it ("Education", "Political") when
 * two remain; the words after it are the outlet when they read as one.
 */
function splitAtJobTitle(credit: string, siteName: string | null): Credits | null {
  const words = credit.split(' ');
  const at = words.findIndex((word) => JOB_TITLE.test(word));
  if (at < 2) return null;
  const name = words.slice(0, at >= 3 ? at - 1 : at);
  // "AP Auto Writer" and "Harbor Times Editor-at-large" are titles at an outlet, not a name before a title.
  const outletFirst = kindOf(name.join(' '), siteName) === 'organization' || name.some((word) => AGENCIES.has(word.toLowerCase()) || DESK_WORD.test(word));
  if (outletFirst || !name.every((word) => /^\p{Lu}/u.test(word))) return null;
  const rest = words.slice(at + 1).join(' ');
  const outlet = rest !== '' && kindOf(rest, siteName) === 'organization' ? [rest] : [];
  return { people: [name.join(' ')], organizations: outlet };
}

/** Agencies of two or more words, longest first: a short one ("AP", "PA") ends many a name. */
const LONG_AGENCIES = [...AGENCIES].filter((name) => name.includes(' ')).sort((a, b) => b.length - a.length);

/**
 * A name with its wire agency after it, as a byline box reads when the two sit in adjacent
 * elements: "TOM CANAVAN ASSOCIATED PRESS", "KAREN MATTHEWSTHE ASSOCIATED PRESS" (glued, in
 * capitals).
 */
function splitAgencyTail(credit: string): Credits | null {
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
    const glued = splitAtJobTitle(name, siteName) ?? splitAgencyTail(name);
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
