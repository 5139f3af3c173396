// src/text/reading-time.ts
// Reading time in minutes, fair to Chinese, Japanese and Korean: their text is read by the
// character, space-separated languages by the word.

import { countWords } from './normalize.js';

/** Typical silent reading speeds for adults: words in alphabetic text, characters in CJK text. */
export const WORDS_PER_MINUTE = 230;
export const CJK_CHARACTERS_PER_MINUTE = 500;

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * Counts CJK characters and the other words separately, so a Japanese story with English names,
 * or an English story quoting Chinese, is timed by what it actually holds. Rounded to whole
 * minutes, and at least 1 for any text at all.
 */
export function readingTimeMinutes(text: string): number {
  const cjkCharacters = text.match(CJK_CHARACTER)?.length ?? 0;
  const otherWords = countWords(text.replace(CJK_CHARACTER, ' '));
  const minutes = cjkCharacters / CJK_CHARACTERS_PER_MINUTE + otherWords / WORDS_PER_MINUTE;
  if (cjkCharacters + otherWords === 0) return 0;
  return Math.max(1, Math.round(minutes));
}
