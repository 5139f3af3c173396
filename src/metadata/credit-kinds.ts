// src/metadata/credit-kinds.ts
// What one credit names: a person, an organisation (a wire agency, a desk, an outlet, an
// institution) or a job title that names no one ("Staff Writer", "Special to the Star").

/** Wire agencies and syndicates, by the names bylines give them. Matched as the whole credit. */
export const AGENCIES = new Set(
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
    'press trust of india',
  ].map((name) => name.toLowerCase()),
);
/** Words that make a credit a desk or an outlet: "… staff", "Gear Team", "… Newsroom", "… NACHRICHTEN", "Morris Daily Herald". */
export const DESK_WORD =
  /(?<!\p{L})(?:staff|team|desk|newsdesk|correspondents|newsroom|news|wire|wires|media|agency|agencies|agenturen|redaktion|nachrichten|rédaction|redacción|redazione|redação|noticias|notícias|nouvelles|notizie|новости|редакция|bureau|board|network|newspapers?|magazine|magazin|herald|gazette|tribune|chronicle|courier|journal|zeitung|kurier|anzeiger|rundschau|tagblatt|gazzetta|corriere|diario|periódico|gazeta)(?!\p{L})/iu;
/** Words that make a credit an institution: "Center for Drug Evaluation", "Deutscher Caritasverband e. V.". */
const INSTITUTION_WORD =
  /(?<!\p{L})(?:center|centre|institute|institut|office|association|council|committee|department|ministry|ministerium|foundation|stiftung|society|university|universität|college|hospital|union|verband|verein|gmbh|inc|ltd|llc|e\.\s?v)(?!\p{L})/iu;
/**
 * A web address as a credit ("mdr.de", "example.co.uk", "news.online"): the outlet. Its last label
 * is a country code or one of the common generic domains; "andrew.keaveney" and "sam.okafor" are
 * logins (first.last), not hosts.
 */
const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:[a-z]{2}|com|org|net|edu|gov|int|info|biz|news|online|media|blog|site|press|today|live|world|app)$/iu;
/** Job titles: a credit that names what someone does, not who. */
export const JOB_TITLE =
  /(?<!\p{L})(?:writer|editor(?:-at-large)?|editors|reporter|correspondent|columnist|contributor|contributing|producer|analyst|photographer|critic|journalist|anchor|chief|senior|associate|deputy|assistant|executive|special|founder|co-founder|ceo|president|director|manager|engineer|expert|attorney|publishers?|educators?|redakteur(?:in)?|korrespondent(?:in)?|rédacteur|rédactrice|journaliste|periodista|redactor(?:a)?|giornalista|корреспондент|обозреватель)(?!\p{L})/iu;
const JOB_OR_DESK_WORDS = new RegExp(`${JOB_TITLE.source}|${DESK_WORD.source}`, 'giu');

export type CreditKind = 'organization' | 'title' | 'person';

export function kindOf(credit: string, siteName: string | null): CreditKind {
  const lower = credit.toLowerCase();
  if (AGENCIES.has(lower) || DOMAIN.test(credit) || (siteName !== null && lower === siteName.toLowerCase())) return 'organization';
  // "Staff Writer" is a title with no one's name in it; "Guardian staff reporter" is a desk's credit.
  if (
    JOB_TITLE.test(credit) &&
    credit
      .replace(JOB_OR_DESK_WORDS, ' ')
      .replace(/\b(?:to|the)\b/gi, ' ')
      .trim() === ''
  )
    return 'title';
  // No one's name starts with "The": "The Patriot Ledger", "The Mail On Sunday".
  if (DESK_WORD.test(credit) || INSTITUTION_WORD.test(credit) || /^the\s+\p{Lu}/iu.test(credit)) return 'organization';
  if (JOB_TITLE.test(credit)) return 'title';
  return 'person';
}
