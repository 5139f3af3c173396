// src/metadata/data-layer.ts
// The author a page gives its analytics in an inline script: dataLayer.push({"author": "…"}),
// utag_data = {article_author: "…"}, digitalData. Sites that set no author tag and no byline
// element often still name the author there. Read as the last source of authors.

import { namesIn } from './byline-text.js';
import type { MetadataFields } from './types.js';

/** Scripts that fill an analytics data layer. */
const DATA_LAYER = /\b(?:dataLayer|utag_data|digitalData)\b/;
/** The first author key with a string value: "author", "article_author", "authorName", "byline"… */
const AUTHOR_KEY =
  /["']?\b(?:author|authors|article_?author|articleAuthor|page_?author|pageAuthor|content_?author|contentAuthor|author_?name|authorName|byline|autor)["']?\s*[:=]\s*(["'])((?:(?!\1)[^\\\n]|\\.){1,120})\1/i;
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'y', 'e']);

/** The string as the script wrote it, its escapes undone ("J\u00f6rg" is "Jörg"). */
function unescapeScript(value: string): string {
  return value.replace(/\\u([0-9a-f]{4})|\\(.)/gi, (_, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCharCode(Number.parseInt(hex, 16)) : (char ?? ''),
  );
}

/** Analytics often lower-case names ("michael humpa"): the page writes them capitalised. */
function capitalised(value: string): string {
  if (/\p{Lu}/u.test(value) || /[@./_]/.test(value)) return value;
  return value.replace(/\p{L}[\p{L}'’]*/gu, (word) => (PARTICLES.has(word) ? word : word[0]!.toUpperCase() + word.slice(1)));
}

/** How far after a data layer's name its author key may come, within the same script. */
const MAX_SCRIPT_SPAN = 8000;
/** Data layers read per page: a page pushes to it a few times, a bundle mentions it everywhere. */
const MAX_MENTIONS = 20;

/**
 * Read from the page's raw HTML, as scripts are gone from the parsed page (shrink.ts). Each
 * mention of a data layer is read up to the end of its script, so the scan stays linear.
 */
export function readDataLayer(html: string): MetadataFields {
  const mentions = new RegExp(DATA_LAYER.source, 'g');
  for (let mention = mentions.exec(html), count = 0; mention && count < MAX_MENTIONS; mention = mentions.exec(html), count++) {
    const span = html.slice(mention.index, mention.index + MAX_SCRIPT_SPAN);
    const end = span.search(/<\/script/i);
    const match = AUTHOR_KEY.exec(end < 0 ? span : span.slice(0, end));
    if (!match?.[2]) continue;
    const names = namesIn(capitalised(unescapeScript(match[2]).replace(/\s*\|\s*/g, ', ')), true);
    return names.length > 0 ? { authors: names } : {};
  }
  return {};
}
