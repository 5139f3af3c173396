// src/filters/page-helpers.ts
// Selection helpers for page-stage filters, which see the whole jsdom document.

import { elementTokens, hasToken, type TokenSet } from './tokens.js';

/** Elements of the page whose class or id has a token from `set`. */
export function selectByTokens(doc: Document, set: TokenSet): Element[] {
  const found: Element[] = [];
  for (const element of doc.querySelectorAll('[class], [id]')) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'html' || tag === 'body') continue;
    const tokens = elementTokens(element.getAttribute('class') ?? '', element.getAttribute('id') ?? '');
    if (hasToken(tokens, set)) found.push(element);
  }
  return found;
}
