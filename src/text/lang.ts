// src/text/lang.ts
// A small language guesser for pages that do not declare one: the script decides for
// non-Latin text, the most frequent function words decide among Latin-script languages.

const SCRIPTS: ReadonlyArray<[RegExp, string]> = [
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\uac00-\ud7af]/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Thai}/gu, 'th'],
];

/** Frequent short words, chosen to be rare in the other listed languages. */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'was', 'for', 'said'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'sich', 'auf', 'wurde'],
  fr: ['le', 'les', 'des', 'et', 'est', 'une', 'dans', 'pour', 'qui', 'sur'],
  es: ['el', 'los', 'las', 'que', 'del', 'una', 'por', 'con', 'para', 'según'],
  it: ['il', 'che', 'della', 'per', 'non', 'sono', 'gli', 'nel', 'alla', 'anche'],
  pt: ['que', 'não', 'uma', 'para', 'com', 'dos', 'das', 'pelo', 'foi', 'são'],
  pl: ['się', 'nie', 'jest', 'że', 'na', 'do', 'jak', 'przez', 'oraz', 'także'],
  // Not 'da' or 'de': German, Spanish and Portuguese use them as much as Turkish does.
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'olarak', 'değil', 'gibi', 'çok', 'daha'],
  nl: ['het', 'een', 'van', 'niet', 'zijn', 'voor', 'met', 'ook', 'wordt', 'naar'],
};

export function detectLang(text: string): string | null {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  // Kana or Hangul decide before Han: Japanese and Korean text also contain Han characters.
  for (const [pattern, lang] of SCRIPTS) {
    const count = sample.match(pattern)?.length ?? 0;
    if (count / letters > (lang === 'ja' || lang === 'ko' ? 0.05 : 0.3)) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best: string | null = null;
  let bestScore = 0;
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    const score = list.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return bestScore >= 3 ? best : null;
}

/** The script each language is written in, for the languages whose script is not Latin. */
const NON_LATIN_SCRIPT: Readonly<Record<string, string>> = {
  ru: 'Cyrl',
  uk: 'Cyrl',
  be: 'Cyrl',
  bg: 'Cyrl',
  sr: 'Cyrl',
  mk: 'Cyrl',
  kk: 'Cyrl',
  ky: 'Cyrl',
  mn: 'Cyrl',
  tg: 'Cyrl',
  zh: 'Hani',
  ja: 'Hani',
  ko: 'Hang',
  ar: 'Arab',
  fa: 'Arab',
  ur: 'Arab',
  ps: 'Arab',
  he: 'Hebr',
  yi: 'Hebr',
  el: 'Grek',
  th: 'Thai',
};

/** A tag's own script subtag wins ("sr-Latn"); otherwise the language's usual script. */
export function scriptOf(lang: string): string {
  const [base = '', ...subtags] = lang.split('-');
  const script = subtags.find((subtag) => /^[a-z]{4}$/i.test(subtag));
  if (script) return /^Han[st]$/i.test(script) ? 'Hani' : `${script[0]!.toUpperCase()}${script.slice(1).toLowerCase()}`;
  return NON_LATIN_SCRIPT[base.toLowerCase()] ?? 'Latn';
}

/**
 * True when a declared language cannot be right for the text: they are written in different
 * scripts (a template's lang="en" on a Cyrillic story). Between two Latin-script languages the
 * word-based guess is too weak to overrule what the page declares, so that never counts.
 */
export function langContradictsText(declared: string, detected: string): boolean {
  return scriptOf(declared) !== scriptOf(detected);
}
