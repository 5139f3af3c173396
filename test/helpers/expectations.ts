// test/helpers/expectations.ts
// Compares an article with a fixture's expected.json and lists every violation, so a fixture
// test can both require none (filters on) and require some (its filter off).

import { isDeepStrictEqual } from 'node:util';

const CHECK_KEYS = new Set(['mustContain', 'mustNotContain', 'mustNotContainLines', 'note']);

export function violations(article: Record<string, unknown>, expected: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (CHECK_KEYS.has(key)) continue;
    if (!(key in article)) found.push(`unknown field ${key}`);
    else if (!isDeepStrictEqual(article[key], value)) {
      found.push(`${key}: got ${JSON.stringify(article[key])}, want ${JSON.stringify(value)}`);
    }
  }
  const text = String(article['text']);
  for (const needle of (expected['mustContain'] as string[] | undefined) ?? []) {
    if (!text.includes(needle)) found.push(`text lacks ${JSON.stringify(needle)}`);
  }
  for (const needle of (expected['mustNotContain'] as string[] | undefined) ?? []) {
    if (text.includes(needle)) found.push(`text contains ${JSON.stringify(needle)}`);
  }
  const lines = new Set(text.split('\n'));
  for (const line of (expected['mustNotContainLines'] as string[] | undefined) ?? []) {
    if (lines.has(line)) found.push(`a line of text equals ${JSON.stringify(line)}`);
  }
  return found;
}
