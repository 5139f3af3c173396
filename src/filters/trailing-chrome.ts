// src/filters/trailing-chrome.ts
// After the last sentence of a story, pages end in a run of short labels: widget titles, tags,
// untranslated UI strings. A trailing run of short non-sentences is chrome, in any language.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { Filter, DumpLine } from '../types.js';
import { blockText } from './select-helpers.js';
import { compileSelector, hasChild } from '../parse/select.js';

const MAX_LABEL_WORDS = 6;
const SENTENCE_END = /[.!?…。！？:;]["'”’»)\]]*$/u;
/** Blocks that end an article legitimately while being short: list items, table cells, quotes. */
const STRUCTURAL = 'li, td, th, blockquote, pre, figure, figcaption, table, ul, ol';

function isShortLabel(text: string): boolean {
  return text !== '' && text.split(/\s+/).length <= MAX_LABEL_WORDS && !SENTENCE_END.test(text);
}

function selectTrailingLines(lines: readonly DumpLine[]): number[] {
  const picked: number[] = [];
  for (let position = lines.length - 1; position >= 0; position--) {
    const line = lines[position];
    if (!line || !isShortLabel(line.text)) break;
    picked.push(line.index);
  }
  // A dump that is all short lines has no article to trail; leave it to the other filters.
  return picked.length === lines.length ? [] : picked;
}

const IS_BLOCK = compileSelector('p, div, h2, h3, h4, h5, h6, ul, ol, table, blockquote, figure');

function selectTrailingBlocks($: CheerioAPI): AnyNode[] {
  const leaves = $('p, div, h2, h3, h4, h5, h6, li, blockquote, pre, table, figure')
    .toArray()
    .filter((element) => !hasChild(element, IS_BLOCK))
    .filter((element) => blockText($, element) !== '');
  const picked: AnyNode[] = [];
  for (let position = leaves.length - 1; position >= 0; position--) {
    const leaf = leaves[position];
    if (!leaf || $(leaf).is(STRUCTURAL) || $(leaf).closest(STRUCTURAL).length > 0) break;
    if (!isShortLabel(blockText($, leaf))) break;
    picked.push(leaf);
  }
  return picked.length === leaves.length ? [] : picked;
}

export const trailingChrome: Filter = {
  name: 'trailing-chrome',
  stage: 'article',
  reason: 'short non-sentence labels after the last paragraph are widget titles and UI strings',
  select: selectTrailingBlocks,
  selectLines: selectTrailingLines,
};
