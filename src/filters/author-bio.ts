// src/filters/author-bio.ts
// Author bio boxes after the story: a heading with the author's name, then "Jane Doe is a
// reporter who covers…" or "Jane (jane@site.com) is the editor of…". Found by the author names
// the metadata gave, near the end of the article.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { textKey } from '../text/normalize.js';
import type { Filter, FilterContext } from '../types.js';
import { blockText } from './select-helpers.js';
import { compileSelector, hasChild } from '../parse/select.js';

const MAX_BIO_CHARS = 500;
/** Bios sit in the last few blocks; an author named earlier is being quoted or described. */
const TAIL_BLOCKS = 4;
const BIO_HEADING =
  /^(?:about the author|about the authors|über den autor|об авторе|à propos de l'auteur|sobre el autor|sull'autore|sobre o autor|o autorze)\s*:?$/iu;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;

function nameParts(ctx: FilterContext): string[] {
  return ctx.authors.flatMap((author) => [
    textKey(author),
    ...textKey(author)
      .split(' ')
      .filter((part) => part.length >= 3),
  ]);
}

const IS_PARAGRAPH_OR_DIV = compileSelector('p, div');

function selectBios($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  const names = nameParts(ctx);
  const blocks = $('p, h2, h3, h4, h5, h6, div')
    .toArray()
    .filter((element) => !hasChild(element, IS_PARAGRAPH_OR_DIV) && blockText($, element) !== '');
  const tail = blocks.slice(-TAIL_BLOCKS);
  const picked: Element[] = [];
  for (const element of tail) {
    const text = blockText($, element);
    const key = textKey(text);
    const isHeading = BIO_HEADING.test(text) || (names.includes(key) && key.split(' ').length <= 4);
    const startsWithName = names.some((name) => key.startsWith(`${name} `)) && text.length <= MAX_BIO_CHARS;
    if (isHeading || (startsWithName && (EMAIL.test(text) || /\b(?:is|was|has|joined|writes|covers|est|ist|es|è|é|jest)\b/u.test(text)))) {
      picked.push(element);
    }
  }
  return picked;
}

export const authorBio: Filter = {
  name: 'author-bio',
  stage: 'article',
  reason: 'a bio of the author after the story describes the writer, not the news',
  select: selectBios,
};
