// src/extract/unwrap.ts
// The article's HTML without the wrappers extraction left around it: Readability's
// <div id="readability-page-1" class="page">, and a lone <article>, <section> or plain <div>
// holding everything. The renderers put the body in their own <article>, so these only nest
// containers in containers; and containers left empty by the filters (the slot an author box,
// a share bar or a gallery was taken out of) say nothing. Only the `html` field (and the formats
// made from it) changes: the blocks and the text are read before.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

const READABILITY_PAGE = '#readability-page-1, div.page[id^="readability-page-"]';
const PLAIN_WRAPPERS = new Set(['article', 'section', 'div', 'main']);

export function unwrapArticleContainers($: CheerioAPI): void {
  $(READABILITY_PAGE).each((_, page) => {
    $(page).replaceWith($(page).contents());
  });
  for (let wrapper = loneWrapper($); wrapper; wrapper = loneWrapper($)) $(wrapper).replaceWith($(wrapper).contents());
  removeEmptyContainers($);
}

/** Elements that are only containers or inline wrappers: with no text and no media, nothing shows. */
const CONTAINERS =
  'div, section, article, main, aside, header, footer, figure, figcaption, p, span, a, strong, em, b, i, ul, ol, li, blockquote, h2, h3, h4, h5, h6';
/** What shows without text (a table's empty cells still make a grid). */
const SHOWS_WITHOUT_TEXT = 'img, picture, video, audio, table, hr';

function removeEmptyContainers($: CheerioAPI): void {
  // Innermost first, so a container whose only content was an empty one goes too.
  for (const element of $(CONTAINERS).toArray().reverse()) {
    const node = $(element);
    if (node.text().trim() === '' && node.find(SHOWS_WITHOUT_TEXT).length === 0) node.remove();
  }
}

/** The root's only element, when it is a container with no attributes left and no text beside it. */
function loneWrapper($: CheerioAPI): Element | undefined {
  const root = $.root();
  const elements = root.children().toArray();
  if (elements.length !== 1) return undefined;
  const only = elements[0]!;
  const strayText = root
    .contents()
    .toArray()
    .some((node) => node.type === 'text' && (node as unknown as { data: string }).data.trim() !== '');
  if (strayText || !PLAIN_WRAPPERS.has(only.name) || Object.keys(only.attribs).length > 0) return undefined;
  return only;
}
