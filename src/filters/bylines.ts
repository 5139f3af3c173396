// src/filters/bylines.ts
// Byline and dateline blocks: "By Jane Doe · 14 May 2024, 10:30", "Published Monday, ... 8:22AM",
// "이서연 기자 입력 2024.10.24 11:30", and the post-metadata blocks of blog themes. Author and dates
// are metadata fields, not article text.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { textKey } from '../text/normalize.js';
import type { DumpLine, Filter, FilterContext } from '../types.js';
import { SENTENCE_END } from './patterns.js';
import { shortBlockText } from './select-helpers.js';
import { elementTokens, hasToken, tokenSet } from './tokens.js';
import { compileSelector, hasElement } from '../parse/select.js';

const IS_LINK = compileSelector('a');
const IS_PARAGRAPH_OR_DIV = compileSelector('p, div');

const MAX_BYLINE_CHARS = 160;

/** A date or a clock time in the common numeric and written forms. */
const DATE_OR_TIME = new RegExp(
  [
    String.raw`\b\d{1,2}:\d{2}\b`,
    String.raw`\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b`,
    String.raw`\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+|of\s+)?\p{L}{3,}\.?,?\s+(?:de\s+)?\d{4}\b`,
    String.raw`\b\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
    String.raw`\d{4}\s*年\s*\d{1,2}\s*月`,
  ].join('|'),
  'u',
);

/** Words that announce a publication or update time, or an author, in our languages. */
const BYLINE_WORDS =
  /(?:^|[\s(·|,])(?:by|published|updated|posted|last updated|von|veröffentlicht|aktualisiert|stand|par|publié|mis à jour|por|publicado|actualizado|di|pubblicato|aggiornato|publicado em|atualizado|autor|opublikowano|zaktualizowano|yayınlanma|güncelleme|опубликовано|обновлено|автор|نشر|تحديث)(?=$|[\s:：,.)]|\d)/iu;
/** The same for languages written without spaces between words, where no boundary can be asked for. */
const CJK_BYLINE_WORDS = /입력|수정|기자|公開|更新|配信|发布|来源|記者|记者/u;

/** "By Jane Doe", "Von Max Muster", "Автор: Иван Петров": a byline with no date at all. */
const BYLINE_START = /^(?:by|von|par|por|di|door|przez|written by|text:|автор:?|текст:?)\s+\p{Lu}/u;
const MAX_UNDATED_BYLINE_WORDS = 12;
/** Besides the author's name, an undated byline has a role and an outlet at most ("…, AP Auto Writer"). */
const MAX_WORDS_BESIDE_NAME = 6;
/** Besides a desk's credit, a place at most ("…, Pakistan"). */
const MAX_WORDS_BESIDE_DESK = 3;

/** Bylines without a date: "By Paul Takahashi", "Tom Krisher, AP Auto Writer" (the name from metadata). */
function isUndatedByline(text: string, ctx: FilterContext): boolean {
  if (text === '' || SENTENCE_END.test(text.replace(/\b[ap]\.m\.$/i, 'am'))) return false;
  const words = text.split(/\s+/).length;
  if (words > MAX_UNDATED_BYLINE_WORDS) return false;
  if (BYLINE_START.test(text) || /^by$/i.test(text)) return true;
  const key = textKey(text);
  // The credit line of a story credited to an agency or a desk: its name alone ("The Sports Network"),
  // or a desk's name of two words or more with a place ("From correspondents in Karachi, Pakistan").
  const beside = (name: string): boolean =>
    name.includes(' ') &&
    text.startsWith(name) &&
    /^(?:\s+in\s+|,\s*)\p{Lu}[\p{L} ,.-]*$/u.test(text.slice(name.length)) &&
    words - name.split(' ').length <= MAX_WORDS_BESIDE_DESK;
  if ((ctx.organizations ?? []).some((name) => textKey(name).length > 2 && ([textKey(name), textKey(`the ${name}`)].includes(key) || beside(name))))
    return true;
  return ctx.authors.some((author) => {
    const name = textKey(author);
    if (name.length < 2 || !key.includes(name)) return false;
    // One-word names (common in Korean, Chinese, Japanese) need a reporter word beside them: "한지민 기자".
    if (!name.includes(' ')) return key === name || (CJK_BYLINE_WORDS.test(text) && words <= 4);
    return words - name.split(' ').length <= MAX_WORDS_BESIDE_NAME;
  });
}

function isBylineText(text: string, ctx: FilterContext): boolean {
  // A bare address names no author, even when the author's login is in it ("https://name.example/2016/…").
  if (/^https?:\/\/\S+$/i.test(text)) return false;
  if (isUndatedByline(text, ctx)) return true;
  // "Updated at 1:23 p.m." ends in a period that is not a sentence end.
  const ending = text.replace(/\b[ap]\.m\.$/i, 'am');
  if (text === '' || text.length > MAX_BYLINE_CHARS || SENTENCE_END.test(ending) || !DATE_OR_TIME.test(text)) return false;
  if (BYLINE_WORDS.test(text) || CJK_BYLINE_WORDS.test(text)) return true;
  const key = textKey(text);
  // A dated line with the author's name, or the agency's or desk's the story is credited to.
  if ([...ctx.authors, ...(ctx.organizations ?? [])].some((author) => author.length > 3 && key.includes(textKey(author)))) return true;
  // A bare date line: the date and time are most of it ("21.08.2024, 16:45 Uhr").
  return text.replace(new RegExp(DATE_OR_TIME.source, 'gu'), '').replace(/[\s\p{P}\p{S}\d]/gu, '').length <= 6;
}

/**
 * Blog themes print the post's date, categories and comment link in a block they mark as its
 * metadata ("postmetadata", "entry-meta", "post-meta", "entry-footer", "entry-utility"), often as a
 * templated sentence ("This entry was posted on … and is filed under …"): the same facts again.
 */
const POST_META = tokenSet(['postmetadata', 'postmeta', 'entrymeta', 'entryfooter', 'entryutility']);
/** Metadata blocks are a line or two; a longer block so named holds more than the facts. */
const MAX_POST_META_CHARS = 600;

function isPostMetadata(element: Element): boolean {
  if (!hasToken(elementTokens(element.attribs['class'] ?? '', ''), POST_META)) return false;
  const text = shortBlockText(element, MAX_POST_META_CHARS);
  return text !== null && text !== '' && (DATE_OR_TIME.test(text) || hasElement(element, IS_LINK));
}

function selectBylines($: CheerioAPI, ctx: FilterContext): AnyNode[] {
  return $('p, div, span, time, address, small, h2, h3, h4, h5, h6, footer')
    .toArray()
    .filter((element) => {
      if (isPostMetadata(element)) return true;
      const text = shortBlockText(element, MAX_BYLINE_CHARS);
      return text !== null && !hasElement(element, IS_PARAGRAPH_OR_DIV) && isBylineText(text, ctx);
    })
    .filter(
      (element, _, all) =>
        !$(element)
          .parents()
          .toArray()
          .some((parent) => all.includes(parent)),
    );
}

export const bylineLines: Filter = {
  name: 'byline-lines',
  stage: 'article',
  reason: 'a byline or dateline repeats the author and date metadata; it is not article text',
  select: selectBylines,
  selectLines: (lines: readonly DumpLine[], ctx) => lines.filter((line) => isBylineText(line.text, ctx)).map((line) => line.index),
};
