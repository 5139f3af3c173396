// src/metadata/places.ts
// An author field that ends in a place ("hessenschau.de, Frankfurt, Germany", "Maria Keller,
// Springfield, USA") names where the story or the outlet is, not a second and third author.

/** Languages whose country names author fields use; Intl.DisplayNames knows them, no list to keep. */
const COUNTRY_NAME_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'tr'] as const;
/** Short forms Intl.DisplayNames does not give. */
const COUNTRY_SHORT_FORMS = ['USA', 'U.S.', 'U.S.A.', 'US', 'UK', 'U.K.', 'UAE', 'U.A.E.'];
/** A town or a state before the country: one capitalised word ("Springfield", "Hessen"). */
const ONE_PLACE_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
/** At most "town, state, country": more one-word parts before it are names. */
const MAX_PLACE_WORDS = 2;

/**
 * The worker bundle's build sets this to countryNamesFromIntl()'s answer on the same Node
 * (src/tools/bundle-worker.ts): reading the names from ICU takes a page 30-50 ms, as each of the
 * eleven languages loads its locale data. Elsewhere it is not defined, and the names are read
 * from Intl.DisplayNames on first use.
 */
declare const CLEAN_ARTICLE_COUNTRY_NAMES: readonly string[] | undefined;

/** Built on first use, which a page without a place never pays. */
let countryNames: ReadonlySet<string> | undefined;

function isCountry(part: string): boolean {
  countryNames ??= new Set([...COUNTRY_SHORT_FORMS, ...builtOrReadCountryNames()]);
  return countryNames.has(part);
}

function builtOrReadCountryNames(): readonly string[] {
  return typeof CLEAN_ARTICLE_COUNTRY_NAMES === 'undefined' ? countryNamesFromIntl() : CLEAN_ARTICLE_COUNTRY_NAMES;
}

/** Every country's name in each language of COUNTRY_NAME_LANGUAGES, as this Node's ICU has them. */
export function countryNamesFromIntl(): string[] {
  return [...new Set(COUNTRY_NAME_LANGUAGES.flatMap(regionNames))];
}

/** Every country's name in one language ("Germany", "Vereinigte Staaten"). */
function regionNames(language: string): string[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  const found: string[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = names.of(code);
      if (name && name !== code) found.push(name);
    }
  }
  return found;
}

/**
 * The parts of an author field without a trailing place: a country as the last part, and the
 * one-word town or state parts just before it. A field that is only a country is left alone.
 */
export function withoutPlaceTail(parts: readonly string[]): string[] {
  const trimmed = parts.map((part) => part.trim());
  if (trimmed.length < 2 || !isCountry(trimmed.at(-1) ?? '')) return [...parts];
  let end = trimmed.length - 1;
  while (end > 0 && trimmed.length - 1 - end < MAX_PLACE_WORDS && ONE_PLACE_WORD.test(trimmed[end - 1] ?? '')) end--;
  return parts.slice(0, end);
}
