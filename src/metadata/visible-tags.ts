// src/metadata/visible-tags.ts
// The tag list a reader sees under a story ("Schlagworte: Bahn, Streik", "Topics: Climate,
// Energy"), read only when the page declares no machine keywords. It is a block of short links
// to the site's tag or topic pages inside the article. Tag clouds, menus and "popular topics"
// rails name the site's topics, not this story's, and links in the prose are entities it
// mentions, so neither counts. A block is not enough by its name: blog templates put the author,
// the date and "0 comments" in the same "post-meta" box as the tags, so each link must go to a
// tag page.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseSpaces } from '../text/normalize.js';
import { topicOf } from './tags.js';

/**
 * A link to a tag or topic page, by its path in the languages we see most: the tag word and one
 * segment at the end ("/tag/budget/"), maybe after a topic id ("/topics/c207p54/music"); deeper
 * paths under it ("/topics/garden/how-to-prune") are a site's sections and stories.
 */
const TAG_PAGE =
  /\/(?:tags?|tagged|topics?|themen?|thema|schlagw[oö]rter|schlagworte?|stichw[oö]rter|stichworte?|keywords?|etiquetas?|temas?|sujets?|mots-cles|argomenti|onderwerpen?|tagi|teg|tegi|metki|trefwoord)\/(?:[a-z]*\d[a-z\d]*\/)?[^/?#\s]+\/?(?:[?#]|$)|[?&](?:tag|tags|topic)=/i;
/** Places whose topic links are the site's, not the story's, and share bars (their links are verbs). */
const SITE_PLACES =
  'nav, header, footer, aside, [role="navigation"], [class*="cloud" i], [class*="popular" i], [class*="trending" i], [class*="menu" i], [id*="menu" i], [class*="share" i], [class*="social" i], [class*="comment" i], [class*="author" i], [rel~="author" i]';
/** A call to action or a sentence ("Jetzt Petition unterzeichnen!"), not a topic. */
const SENTENCE_END = /[.!?…]$/;
/** Offers dressed as links ("Kostenlosen Newsletter bestellen", "Subscribe"): no topic. */
const CALL_TO_ACTION = /newsletter|subscri|abonn|bestellen|sign up|anmelden|inscri|suscr/i;
/** A link that opens a listing rather than naming a topic: "Explore all", "Alle anzeigen", "Voir plus". */
const LISTING_LINK = /^(?:explore|see|view|show|browse|discover|more|all|alle|mehr|weitere|voir|ver|mostrar|todos|todas|tutti|vedi|все|ещё|еще)(?:\s|$)/i;
const ARTICLE_SCOPE = 'article, [itemprop~="articleBody" i], main, [role="main"]';
/** A topic is a name or a short phrase, as a link's whole text. */
const MAX_TAG_CHARACTERS = 50;
const MAX_TAGS = 20;
/** Share of a block's text that is tag links: below it the links sit in prose. */
const MIN_LINK_SHARE = 0.6;

/** The story's visible tags, in page order; undefined when it shows no tag list. */
export function readVisibleTags($: CheerioAPI, pageUrl: string | undefined): string[] | undefined {
  const scope = $(ARTICLE_SCOPE).first();
  if (scope.length === 0) return undefined;
  const groups = new Map<Element, string[]>();
  for (const link of scope.find('a[href]').toArray()) {
    // The address first: most links in an article go to no tag page, and their text is not read.
    const href = link.attribs['href'] ?? '';
    if (!TAG_PAGE.test(href) || !isSameSite(href, pageUrl)) continue;
    const text = collapseSpaces($(link).text()).replace(/^#/, '');
    if (text === '' || text.length > MAX_TAG_CHARACTERS || SENTENCE_END.test(text) || LISTING_LINK.test(text) || CALL_TO_ACTION.test(text)) continue;
    if ($(link).closest(SITE_PLACES).length > 0) continue;
    const block = $(link).closest('ul, ol, p, div, section, dl').get(0) as Element | undefined;
    if (!block) continue;
    const topic = topicOf(text);
    if (!topic) continue;
    const tags = groups.get(block);
    if (tags) tags.push(topic);
    else groups.set(block, [topic]);
  }
  // The largest block of tag links whose text is mostly those links.
  const lists = [...groups.entries()].filter(([block]) => isMostlyLinks($, block)).sort((a, b) => b[1].length - a[1].length);
  const best = lists[0]?.[1];
  return best ? [...new Set(best)].slice(0, MAX_TAGS) : undefined;
}

/**
 * A link on the page's own site: relative, or to the same host. Shop links carry their own
 * "?tag=" (an affiliate code), and other sites' tag pages are not this story's topics.
 */
function isSameSite(href: string, pageUrl: string | undefined): boolean {
  if (!/^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(href)) return true;
  try {
    const host = (url: string): string => new URL(url, 'https://relative.invalid/').hostname.replace(/^www\./, '');
    return pageUrl !== undefined && host(href) === host(pageUrl);
  } catch {
    return false;
  }
}

/** Link text is most of the block's text, apart from a label such as "Tags:". */
function isMostlyLinks($: CheerioAPI, block: Element): boolean {
  const count = (text: string): number => text.replace(/[\s,;|·•/]+/g, '').length;
  const all = count($(block).text());
  const linked = count($(block).find('a').text());
  return all > 0 && (linked / all >= MIN_LINK_SHARE || all - linked <= 20);
}
