// src/filters/page-helpers.ts
// Selection helpers for page-stage filters, which see the whole page as a cheerio document.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { elementTokens, hasToken, type TokenSet } from './tokens.js';

/** Elements of the page whose class or id has a token from `set`. */
export function selectByTokens($: CheerioAPI, set: TokenSet): Element[] {
  return $('body [class], body [id]')
    .toArray()
    .filter((element) => hasToken(elementTokens(element.attribs['class'] ?? '', element.attribs['id'] ?? ''), set));
}
