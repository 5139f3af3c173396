// src/extract/unwrap.ts
// The article's HTML without the wrappers extraction left around it: Readability's
// <div id="readability-page-1" class="page">, and a lone <article>, <section> or plain <div>
// holding everything. The renderers put the body in their own <article>, so these only nest
// containers in containers; and headers left empty by the filters say nothing.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

const READABILITY_PAGE = '#readability-page-1, div.page[id^="readability-page-"]';
const PLAIN_WRAPPERS = new Set(['article', 'section', 'div', 'main']);

export function unwrapArticleContainers($: CheerioAPI): void {
  $(READABILITY_PAGE).each((_, page) => {
    $(page).replaceWith($(page).contents());
  });
  for (let wrapper = loneWrapper($); wrapper; wrapper = loneWrapper($)) $(wrapper).replaceWith($(wrapper).contents());
  $('header').each((_, header) => {
    if ($(header).text().trim() === '' && $(header).find('img, picture, video').length === 0) $(header).remove();
  });
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
