// src/parse/page.ts
// The whole page as a cheerio document (parse5, the same HTML5 tree rules as jsdom, at a tenth of
// the cost). Page-stage filters work on it; its serialisation is what jsdom finally parses.

import { DATA_CAPTION_ATTRIBUTES, DATA_CREDIT_ATTRIBUTES, ROLE_ATTRIBUTES } from '../extract/captions.js';
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { boundedReadableText } from '../text/dom-text.js';
import { load } from './cheerio-load.js';
import { clearTextAnchors, unmarkProseComponents } from './component-names.js';
import { openCollapsedSections } from './expanders.js';
import { shrinkHtml } from './shrink.js';
import { fillStreamedSlots, markStreamedSlots } from './streaming.js';
import { assertTreeShape } from './tree-limits.js';
import { compileSelector, findElements } from './select.js';

/** The page as parse5 builds it; E_TOO_LARGE when that tree is too deep or its text too nested. */
export function loadPage(html: string, source: string): CheerioAPI {
  const $ = load(shrinkHtml(markStreamedSlots(html)));
  // Before any stage walks it: the count before parsing can miss how deep the tree builder nests.
  assertTreeShape($.root()[0]!, source);
  // JSON-LD is data, not layout: keep it in <head> so no page filter can drop it with its container.
  $('body script[type="application/ld+json" i]').appendTo('head');
  unmarkQuoteWrappers($);
  fillStreamedSlots($);
  openCollapsedSections($);
  return $;
}

/**
 * Embedded posts (a tweet quoted by the author) sit in wrappers such as "social-media-embed",
 * and Readability drops any block whose class says "social". The wrapper holds nothing but the
 * quote, so its class and id carry no meaning worth that loss: clear them.
 */
const MAX_EMBED_CHARS = 5000;

function unmarkQuoteWrappers($: CheerioAPI): void {
  $('body blockquote').each((_, quote) => {
    // Embedded posts are short. Texts are read only up to a bound: reading whole subtrees for
    // every quote and every wrapper was cubic on quotes nested in quotes.
    const text = boundedReadableText(quote, MAX_EMBED_CHARS);
    if (text === null) return;
    const budget = 2 * MAX_EMBED_CHARS;
    for (let wrapper = $(quote).parent(); wrapper.length > 0 && !wrapper.is('body, article, main'); wrapper = wrapper.parent()) {
      if (boundedReadableText(wrapper[0]!, budget) !== text) break;
      wrapper.removeAttr('class').removeAttr('id');
    }
  });
}

/**
 * Readability reads an inline style only to tell whether the element is shown (display,
 * visibility), and jsdom parses every style attribute it builds with its CSS engine, which is
 * a good share of its parse: other styles go.
 */
const VISIBILITY_STYLE = /display|visibility/i;
/** Attributes Readability reads: class/id/role for scoring, hidden/aria-hidden (and a style, above)
 * for visibility, and any attribute holding an image URL (lazy images). */
const KEPT_ATTRIBUTES = new Set([
  'class',
  'id',
  'role',
  'hidden',
  'aria-hidden',
  'href',
  'src',
  'srcset',
  'alt',
  'title',
  'lang',
  'dir',
  'datetime',
  'itemprop',
  'rel',
  'colspan',
  'rowspan',
  'cite',
  'name',
  'content',
  'property',
  'type',
  'charset',
  // Photo viewers' captions and credits, read after Readability (extract/captions.ts).
  ...DATA_CAPTION_ATTRIBUTES,
  ...DATA_CREDIT_ATTRIBUTES,
  // and the role names that tell a caption from its credit under hashed class names.
  ...ROLE_ATTRIBUTES,
]);
const IMAGE_URL = /\.(?:jpe?g|png|webp|gif|avif)(?:[?#\s]|$)/i;

/**
 * The page as jsdom should get it: only <title> in the head (metadata was read already) and only
 * the attributes Readability looks at. jsdom's cost grows with every node and attribute it builds.
 */
/** Share of the page's paragraph text the page's own article container must hold to be trusted alone. */
const CONTAINER_SHARE = 0.6;

const IS_PARAGRAPH = compileSelector('p');

/** Characters of paragraph text under `root`: how the page stage weighs where the article is. */
export function paragraphChars($: CheerioAPI, root: Cheerio<AnyNode>): number {
  let total = 0;
  // One root (nearly every call) is walked with the compiled test; a set of several goes through
  // cheerio, which also drops a paragraph found twice under nested roots.
  const paragraphs = root.length === 1 ? findElements(root[0]!, IS_PARAGRAPH) : root.find('p').toArray();
  for (const paragraph of paragraphs) total += $(paragraph).text().trim().length;
  return total;
}

/**
 * The page's own article container (one <article> or itemprop=articleBody) when it holds nearly
 * all the paragraph text: Readability then scores only that subtree, which is faster, and the
 * rails around it cannot win.
 */
function ownArticleContainer($: CheerioAPI): Cheerio<Element> | null {
  const total = paragraphChars($, $('body'));
  if (total === 0) return null;
  for (const selector of ['[itemprop="articleBody"]', 'article']) {
    const found = $(`body ${selector}`);
    if (found.length !== 1) continue;
    if (paragraphChars($, found) >= total * CONTAINER_SHARE) return found as Cheerio<Element>;
  }
  return null;
}

/** Cuts the page down to what Readability reads (src/parse/documents.ts copies it into jsdom then). */
export function prepareForReadability($: CheerioAPI): void {
  // Emptied whole and the title put back: removing 100,000 <meta>s one by one was quadratic.
  const title = $('head > title').first();
  $('head').empty().append(title);
  const container = ownArticleContainer($);
  if (container) $('body').empty().append(container);
  // Readability strips form controls and plugin embeds from its output, so they are never text.
  $('body button, body input, body select, body textarea, body object, body embed').remove();
  unmarkProseComponents($);
  clearTextAnchors($);
  $('body *').each((_, element) => {
    for (const name of Object.keys(element.attribs)) {
      if (name === 'style' ? !VISIBILITY_STYLE.test(element.attribs[name] ?? '') : !KEPT_ATTRIBUTES.has(name) && !IMAGE_URL.test(element.attribs[name] ?? ''))
        delete element.attribs[name];
    }
  });
}
