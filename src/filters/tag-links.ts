// src/filters/tag-links.ts
// Lines of the post's topic links that carry no "Tags:" label a pattern could see: "Published:
// May 3 | Tags: a, b, c", "2 Comments » | Filed in a, b", "05/03/2024 in a, b". Blog engines mark
// such links with rel="tag" (the rel-tag microformat: the link names a topic of this page), so the
// links say what the line is. Only lines whose other words are few are taken: prose that links a
// word to a topic page keeps its sentence.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { readableText } from '../text/dom-text.js';
import { collapseSpaces } from '../text/normalize.js';
import { shortBlockText } from './select-helpers.js';
import { insideMatching } from '../parse/select.js';

/** Blocks and inline wrappers that hold a meta line of their own. */
const LINE_HOLDERS = 'p, div, li, ul, span, small, footer, section, dd, dt, em';
/** A topic line is short: a long block that holds topic links is prose or a whole post. */
const MAX_LINE_CHARS = 420;
/** Words besides the topics: a date, a label, a comment count ("Published: May 3, 2024 | Tags:"). */
const MAX_OTHER_WORDS = 10;

function isTopicLink(link: Element): boolean {
  return (link.attribs['rel'] ?? '').toLowerCase().split(/\s+/).includes('tag');
}

/** The words of `element` outside its topic links, or null when it holds no topic link. */
function wordsBesideTopics($: CheerioAPI, element: Element): number | null {
  const links = $(element)
    .find('a[rel]')
    .toArray()
    .filter((link) => isTopicLink(link));
  if (links.length === 0) return null;
  let text = readableText(element);
  for (const link of links) text = text.replace(collapseSpaces(readableText(link)), ' ');
  return collapseSpaces(text)
    .split(' ')
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Blocks inside a candidate that must hold topic links too, or the candidate is more than the line. */
const INNER_BLOCKS = 'p, div, li, h1, h2, h3, h4, h5, h6, blockquote, table, figure';

/** A block beside the line (a short sentence, a heading) that a wrapper would take with it. */
function holdsOtherBlock($: CheerioAPI, element: Element): boolean {
  return $(element)
    .find(INNER_BLOCKS)
    .toArray()
    .some((block) => readableText(block) !== '' && wordsBesideTopics($, block) === null);
}

function isTopicLine($: CheerioAPI, element: Element): boolean {
  if (shortBlockText(element, MAX_LINE_CHARS) === null) return false;
  const others = wordsBesideTopics($, element);
  return others !== null && others <= MAX_OTHER_WORDS && !holdsOtherBlock($, element);
}

/** The outermost short blocks that are nothing but topic links and a few words of metadata. */
export function selectTopicLinkLines($: CheerioAPI): AnyNode[] {
  const lines = $(LINE_HOLDERS)
    .toArray()
    .filter((element) => isTopicLine($, element));
  const picked = new Set(lines);
  return lines.filter((element) => !insideMatching(element, (parent) => picked.has(parent)));
}
