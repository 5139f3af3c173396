// src/filters/author-bio.ts
// Author bio boxes after the story: a heading with the author's name, then "Jane Doe is a
// reporter who covers…" or "Jane (jane@site.com) is the editor of…". Found by the author names
// the metadata gave, or the name the box's own "About Jane Doe" heading gives, near the end of
// the article; the box's "View all posts by Jane" link goes with it.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { textKey } from '../text/normalize.js';
import type { Filter, FilterContext } from '../types.js';
import { readableText } from '../text/dom-text.js';
import { blockText, shortBlockText } from './select-helpers.js';
import { compileSelector, hasChild } from '../parse/select.js';

const MAX_BIO_CHARS = 500;
/** Bios sit in the last few blocks; an author named earlier is being quoted or described. */
const TAIL_BLOCKS = 4;
const BIO_HEADING =
  /^(?:about the author|about the authors|über den autor|об авторе|à propos de l'auteur|sobre el autor|sull'autore|sobre o autor|o autorze)\s*:?$/iu;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;

/** "About Jane Doe", "ABOUT JANE DOE": the box names whom it describes. */
const ABOUT_NAME = /^(?:about|über|à propos de|sobre|o)\s+(.+?)\s*:?$/iu;
/** A name in such a heading: one to four capitalised words, no digits. */
const MAX_NAME_WORDS = 4;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
/** The box speaking for its author: "Hi, I'm Jane." */
const FIRST_PERSON_INTRO = /^(?:(?:hi|hello|hey)\b[\s,!.]*)?i['’]?m\s/iu;
/** The box's link to the author's page: "View all posts by Jane", "More articles by Jane Doe". */
const POSTS_BY = /^(?:(?:view|see|read)\s+)?(?:all|more)\s+(?:posts|articles|stories|entries)\s+by\s+(.+?)\s*[»›→]?$/iu;

function partsOf(name: string): string[] {
  const key = textKey(name);
  return [key, ...key.split(' ').filter((part) => part.length >= 3)];
}

/** A box holds the heading, the bio and a link or two; a section of the story holds far more. */
const MAX_BOX_CHARS = MAX_BIO_CHARS + 200;

/**
 * The name an "About …" heading gives, or null for any other text ("About the project"). Only a
 * heading in a small box of its own counts: "About Lisbon" over a section of the story does not.
 */
function aboutName(element: Element): string | null {
  const name = ABOUT_NAME.exec(readableText(element))?.[1];
  if (!name || !element.parent || shortBlockText(element.parent, MAX_BOX_CHARS) === null) return null;
  const words = name.split(/\s+/);
  return words.length <= MAX_NAME_WORDS && words.every((word) => NAME_WORD.test(word)) ? name : null;
}

const IS_PARAGRAPH_OR_DIV = compileSelector('p, div');

function selectBios($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  const blocks = $('p, h2, h3, h4, h5, h6, div')
    .toArray()
    .filter((element) => !hasChild(element, IS_PARAGRAPH_OR_DIV) && blockText($, element) !== '');
  const tail = blocks.slice(-TAIL_BLOCKS);
  const aboutNames = tail.map((element) => aboutName(element));
  const names = [...ctx.authors, ...aboutNames.filter((name): name is string => name !== null)].flatMap(partsOf);
  const picked: Element[] = [];
  for (const [index, element] of tail.entries()) {
    const text = blockText($, element);
    const key = textKey(text);
    const afterAboutHeading = index > 0 && aboutNames[index - 1] !== null;
    const isHeading = BIO_HEADING.test(text) || aboutNames[index] !== null || (names.includes(key) && key.split(' ').length <= 4);
    const short = text.length <= MAX_BIO_CHARS;
    const startsWithName = names.some((name) => key.startsWith(`${name} `)) && short;
    // Right under the box's "About Jane" heading, a short text naming her is the bio, in any person.
    const introduced = afterAboutHeading && short && (FIRST_PERSON_INTRO.test(text) || names.some((name) => ` ${key} `.includes(` ${name} `)));
    if (isHeading || introduced || (startsWithName && (EMAIL.test(text) || /\b(?:is|was|has|joined|writes|covers|est|ist|es|è|é|jest)\b/u.test(text)))) {
      picked.push(element);
    }
  }
  return [...picked, ...postsByLinks($, names)];
}

/** "View all posts by Jane": the box's link, wherever the template put it. */
function postsByLinks($: CheerioAPI, names: readonly string[]): Element[] {
  return $('p, li, div, a')
    .toArray()
    .filter((element) => {
      const author = POSTS_BY.exec(blockText($, element))?.[1];
      return author !== undefined && names.includes(textKey(author));
    });
}

export const authorBio: Filter = {
  name: 'author-bio',
  stage: 'article',
  reason: 'a bio of the author after the story describes the writer, not the news',
  select: selectBios,
};
