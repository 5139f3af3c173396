// src/extract/verify.ts
// Readability's top candidate is the block with the best score, and on a page whose story is short
// (a photo post, a brief under a big sidebar) that block can be the page's furniture: the footer's
// disclaimer, the sidebar's author card, a search widget's topic list, the comment thread. Trusting
// it blindly scores the page 0. This stage checks where the chosen block sits and what it says, and
// when it reads as furniture, asks Readability for its next choice with that block gone, then
// falls back to the block under the page's own headline. A replacement must pass the same checks.

import type { CheerioAPI } from 'cheerio';
import { load } from '../parse/cheerio-load.js';
import type { Element } from 'domhandler';
import { HIDDEN } from '../filters/page-chrome.js';
import { LEGAL_NOTICE } from '../filters/promos.js';
import { linkDensity } from '../filters/select-helpers.js';
import { readableText } from '../text/dom-text.js';
import { collapseSpaces, textKey } from '../text/normalize.js';
import type { PageParagraphs } from './page-paragraphs.js';
import type { ExtractedContent } from './readability.js';
import { sourceElement } from './siblings.js';

/** Markup that holds a page's furniture, never its story. */
const FURNITURE_TAGS = new Set(['footer', 'aside', 'nav']);
/**
 * A class or id that names furniture starts with its role ("sidebar-left", "footer", "profile-box",
 * "site-footer", "comments-area"); one that only mentions it ("has-sidebar", "entry-author-kim",
 * "elementor-widget") describes a layout or a story and says nothing.
 */
const FURNITURE_NAME =
  /^(?:(?:site|page|main|primary|secondary|global|left|right)[-_]?)?(?:sidebar|footer|profile|bio|colophon|siteinfo|disclaimer|copyright|comments?|disqus)(?:[-_\d]|$)/i;
/**
 * What notices say: privacy and consent, disclaimers and licences, in the languages we see most.
 * A story mentions these words in passing; a notice is made of them (see `readsAsNotice`).
 */
const NOTICE_TERMS = [
  String.raw`privacy (?:policy|notice|statement)|cookies?\b|opt[- ]out|personal (?:data|information)|do not sell`,
  'disclaimer|disclosure|terms (?:of|and) (?:use|service|conditions)|no affiliation|trademarks?|licen[cs]ed under|creative commons',
  'datenschutz|haftungsausschluss|impressum|données personnelles|mentions légales|política de privacidad|aviso legal|privacidade|prywatności',
].join('|');
const NOTICE_WORD = new RegExp(NOTICE_TERMS, 'iu');
/** Notices are short; a long block that mentions cookies is a story about cookies. */
const MAX_NOTICE_CHARS = 1500;
const MAX_LINK_DENSITY = 0.5;
/**
 * The post under a headline often carries its share buttons and a list of related posts, which the
 * article filters remove later; only a block that is nearly all links is no story at all.
 */
const MAX_ROOT_LINK_DENSITY = 0.8;
/** A replacement needs this much text besides its headline to be a story at all. */
const MIN_STORY_CHARS = 120;
/** A heading must be this much of the title to be the page's headline. */
const MIN_TITLE_SHARE = 0.6;
/** How far up from the headline the block holding its story may be. */
const MAX_HEADLINE_LEVELS = 6;

export interface VerifyInputs {
  /** The filtered page, as Readability read it. */
  page: CheerioAPI;
  /** The page's paragraphs, read once (page-paragraphs.ts). */
  paragraphs: PageParagraphs;
  title: string | null;
  /** Readability again on the page without the given elements (a fresh parse each call). */
  rerun: (without: readonly Element[]) => ExtractedContent | null;
}

function parentElement(node: Element): Element | null {
  const parent = node.parent;
  return parent && parent.type === 'tag' ? (parent as Element) : null;
}

function namedFurniture(element: Element): boolean {
  const names = `${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`.split(/\s+/);
  return names.some((name) => FURNITURE_NAME.test(name));
}

/** The element or one of its ancestors is furniture by tag or by name. */
function insideFurniture(element: Element): boolean {
  for (let node: Element | null = element; node && node.name !== 'body'; node = parentElement(node)) {
    if (FURNITURE_TAGS.has(node.name) || namedFurniture(node)) return true;
  }
  return false;
}

/**
 * A short block made of notices: most of its sentences are a notice's (a disclaimer, a licence, a
 * privacy note). A story with a copyright line under it is not; nor is a long story about cookies.
 */
function readsAsNotice(text: string): boolean {
  if (text.length > MAX_NOTICE_CHARS) return false;
  const sentences = text.split(/(?<=[.!?。！？])\s+/u).filter((sentence) => sentence.trim().length > 0);
  const notices = sentences.filter((sentence) => LEGAL_NOTICE.test(sentence) || NOTICE_WORD.test(sentence));
  return sentences.length > 0 && notices.length * 2 >= sentences.length;
}

interface Assessment {
  /** Why the extraction reads as page furniture, or null when it reads as a story. */
  reason: 'notice' | 'links' | 'furniture' | null;
  /** Where on the page it came from, when that can be found. */
  source: Element | null;
}

function assess($page: CheerioAPI, content: ExtractedContent, paragraphs: PageParagraphs): Assessment {
  const $article = load(content.html, null, false);
  const source = locateSource($page, $article, paragraphs);
  const text = collapseSpaces($article.root().text());
  if (readsAsNotice(text)) return { reason: 'notice', source };
  if (linkDensity($article, $article.root().children()) > MAX_LINK_DENSITY) return { reason: 'links', source };
  return { reason: source && insideFurniture(source) ? 'furniture' : null, source };
}

/** Why the extraction reads as page furniture, or null when it reads as a story. */
export function furnitureReason($page: CheerioAPI, content: ExtractedContent, paragraphs: PageParagraphs): string | null {
  return assess($page, content, paragraphs).reason;
}

/** Where on the page the extraction came from: by its paragraphs, else by an id Readability kept. */
function locateSource($page: CheerioAPI, $article: CheerioAPI, paragraphs: PageParagraphs): Element | null {
  const byParagraphs = sourceElement($page, $article, paragraphs);
  if (byParagraphs) return byParagraphs;
  const id = $article('[id]')
    .toArray()
    .map((element) => element.attribs['id'] ?? '')
    .find((value) => value !== '' && !value.startsWith('readability-'));
  const found = id ? $page(`[id="${id.replace(/["\\]/g, '')}"]`).first() : null;
  return found && found.length > 0 ? found[0]! : null;
}

/** How much of the title a heading is: 1 for the title itself, 0 for an unrelated heading. */
function titleShare(heading: string, title: string): number {
  if (heading.length < 10) return 0;
  if (heading === title || heading.includes(title)) return 1;
  return title.includes(heading) ? heading.length / title.length : 0;
}

/**
 * The page's own headline: the h1-h3 outside the furniture that is most of the title. A heading
 * that is only part of it is usually the site's name from a "Site: Headline" title.
 */
function findHeadline($page: CheerioAPI, title: string | null): Element | null {
  const key = title ? textKey(title) : '';
  let best: { heading: Element; share: number } | null = null;
  for (const heading of $page('h1, h2, h3').toArray()) {
    if (heading.type !== 'tag') continue;
    const share = titleShare(textKey(readableText(heading)), key);
    if (share >= MIN_TITLE_SHARE && share > (best?.share ?? 0) && !insideFurniture(heading) && !$page(heading).is(HIDDEN)) best = { heading, share };
  }
  return best?.heading ?? null;
}

/** The nearest ancestor of the headline that holds a story besides it: the post it heads. */
function headlineRoot($page: CheerioAPI, headline: Element): Element | null {
  const headlineChars = collapseSpaces(readableText(headline)).length;
  let node = parentElement(headline);
  for (let level = 0; node && level < MAX_HEADLINE_LEVELS && node.name !== 'body'; level++) {
    if (insideFurniture(node)) return null;
    if (collapseSpaces(readableText(node)).length - headlineChars >= MIN_STORY_CHARS)
      return linkDensity($page, $page(node)) > MAX_ROOT_LINK_DENSITY ? null : node;
    node = parentElement(node);
  }
  return null;
}

function blockContent($page: CheerioAPI, root: Element, headline: Element): ExtractedContent {
  const copy = $page(root).clone();
  copy.find(`${HIDDEN}, nav, aside, footer, form, script, style, noscript`).remove();
  const headlineKey = textKey(readableText(headline));
  copy
    .find(headline.name)
    .filter((_, heading) => textKey($page(heading).text()) === headlineKey)
    .first()
    .remove();
  return {
    html: `<div>${$page.html(copy.contents())}</div>`,
    title: null,
    byline: null,
    excerpt: null,
    siteName: null,
    lang: null,
    publishedTime: null,
    method: 'headline-block',
  };
}

const within = ($page: CheerioAPI, root: Element, element: Element | null): boolean => !!element && (root === element || $page.contains(root, element));

/**
 * The extraction, or a better one when it reads as furniture and the page's headline heads another
 * block: Readability's next choice with the furniture gone when that lands under the headline,
 * else the block under the headline itself. Without a headline to anchor on, nothing changes.
 */
export function verifyExtraction(content: ExtractedContent, inputs: VerifyInputs): ExtractedContent {
  const { page } = inputs;
  if (!content.method.startsWith('readability')) return content;
  const { reason, source } = assess(page, content, inputs.paragraphs);
  if (!reason) return content;
  const headline = findHeadline(page, inputs.title);
  const root = headline ? headlineRoot(page, headline) : null;
  if (!headline || !root) return content;
  // Under the headline already: the block is the story, whatever its words.
  if (within(page, root, source)) return content;
  const next = source ? inputs.rerun([source]) : null;
  if (next) {
    const again = assess(page, next, inputs.paragraphs);
    if (!again.reason && within(page, root, again.source)) return next;
  }
  const block = blockContent(page, root, headline);
  const blockReason = assess(page, block, inputs.paragraphs).reason;
  return blockReason === 'notice' || blockReason === 'furniture' ? content : block;
}
