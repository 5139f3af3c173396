// src/filters/page-helpers.ts
// Selection helpers for page-stage filters, which see the whole page as a cheerio document.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { elementTokens, hasToken, type TokenSet } from './tokens.js';

interface TokenedElement {
  element: Element;
  tokens: string[];
}

/**
 * The page's elements with their class/id tokens, worked out once per page and shared by every
 * page filter. Keyed weakly by the page's root node, so it goes with the page.
 */
const TOKENED = new WeakMap<AnyNode, TokenedElement[]>();

function tokenedElements($: CheerioAPI): TokenedElement[] {
  const root = $.root()[0]!;
  let list = TOKENED.get(root);
  if (!list) {
    list = $('body [class], body [id]')
      .toArray()
      .map((element) => ({ element, tokens: elementTokens(element.attribs['class'] ?? '', element.attribs['id'] ?? '') }));
    TOKENED.set(root, list);
  }
  return list;
}

/** Elements of the page whose class or id has a token from `set` (those a filter already removed are skipped later). */
export function selectByTokens($: CheerioAPI, set: TokenSet): Element[] {
  return tokenedElements($)
    .filter(({ tokens }) => hasToken(tokens, set))
    .map(({ element }) => element);
}
