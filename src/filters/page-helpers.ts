// src/filters/page-helpers.ts
// Selection helpers for page-stage filters, which see the whole page as a cheerio document.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { roleId } from '../parse/component-names.js';
import { countWords } from '../text/normalize.js';
import { SENTENCE_END } from './patterns.js';
import { linkDensity } from './select-helpers.js';
import { elementTokens, hasToken, type TokenSet } from './tokens.js';
import { compileSelector, findElements } from '../parse/select.js';

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
    // Design systems repeat the same class on hundreds of elements: each distinct class and id
    // is split once (the lists are only read).
    const known = new Map<string, string[]>();
    list = $('body [class], body [id]')
      .toArray()
      .map((element) => {
        const className = element.attribs['class'] ?? '';
        const id = roleId(element);
        const key = `${className}\u0000${id}`;
        let tokens = known.get(key);
        if (!tokens) {
          tokens = elementTokens(className, id);
          known.set(key, tokens);
        }
        return { element, tokens };
      });
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

const IS_PARAGRAPH = compileSelector('p');

/** Paragraphs of running prose that make a block a story rather than a box around a call to action. */
const STORY_PARAGRAPHS = 3;
const STORY_PARAGRAPH_WORDS = 20;

/**
 * True when `element` holds several paragraphs of running prose (sentences of 20 words or more).
 * Boxes that advertise, share or navigate hold a line or two; a wrapper named for them that holds
 * the story (a paywall container around what subscribers read) is the article.
 */
export function holdsStory($: CheerioAPI, element: Element): boolean {
  let found = 0;
  for (const paragraph of findElements(element, IS_PARAGRAPH)) {
    const text = $(paragraph).text().trim();
    if (SENTENCE_END.test(text) && countWords(text) >= STORY_PARAGRAPH_WORDS && ++found >= STORY_PARAGRAPHS) return true;
  }
  return false;
}

/** Link text share above which a block of sentences is a list of teasers, not running prose. */
const MAX_STORY_LINK_DENSITY = 0.15;

/**
 * True when a block named for chrome (a menu, a rail, an ad or cookie slot) is the story's own
 * prose: several paragraphs of sentences with few links. Design systems name every block by a
 * word that a chrome list also holds ("cmp-section", "promo-layout", "feed-item"), and menus,
 * rails, banners and slots never hold three paragraphs of unlinked sentences.
 */
function holdsUnlinkedStory($: CheerioAPI, element: Element): boolean {
  return holdsStory($, element) && linkDensity($, $(element)) < MAX_STORY_LINK_DENSITY;
}

/** Elements named for chrome (a menu, a rail, a share bar, a cookie banner, an ad slot) that are not the story's prose. */
export function selectChromeByTokens($: CheerioAPI, set: TokenSet): Element[] {
  return selectByTokens($, set).filter((element) => !holdsUnlinkedStory($, element));
}
