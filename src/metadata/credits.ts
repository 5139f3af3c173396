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
/** A web address as a credit ("mdr.de", "example.co.uk"): the outlet. */
const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}$/iu;
/** Job titles: a credit that names what someone does, not who. */
const JOB_TITLE =
  /(?<!\p{L})(?:writer|editor(?:-at-large)?|editors|reporter|correspondent|columnist|contributor|producer|analyst|photographer|critic|journalist|anchor|chief|senior|redakteur(?:in)?|korrespondent(?:in)?|rédacteur|rédactrice|journaliste|periodista|redactor(?:a)?|giornalista|корреспондент|обозреватель)(?!\p{L})/iu;

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
 * Sorts the names an author field gave (split already: splitAuthors) into people and
 * organisations; job titles go. Beside an outlet, a lone capitalised word is the outlet's town or
 * country ("hessenschau.de, Frankfurt, Germany"), not a person.
 */
export function sortCredits(names: readonly string[], siteName: string | null): Credits {
  const kinds = names.map((name) => ({ name, kind: kindOf(name, siteName) }));
  const organizations = kinds.filter(({ kind }) => kind === 'organization').map(({ name }) => name);
  const people = kinds.filter(({ kind, name }) => kind === 'person' && !(organizations.length > 0 && isSingleWord(name))).map(({ name }) => name);
  return { people, organizations };
}
