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

/** Built on first use: reading ~5,000 region names costs about 30 ms, which a page without a place never pays. */
let countryNames: ReadonlySet<string> | undefined;

function isCountry(part: string): boolean {
  countryNames ??= new Set([...COUNTRY_SHORT_FORMS, ...COUNTRY_NAME_LANGUAGES.flatMap(regionNames)]);
  return countryNames.has(part);
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
