// src/metadata/microdata.ts
// Reads schema.org microdata (itemprop attributes) and <time datetime> elements.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { absoluteHttpUrl, type UrlBases } from './meta-tags.js';
import type { PageZone } from './zone.js';
import { cleanString, splitAuthors, toIsoDate, toLangTag, toTagList, uniqueIgnoringCase } from './values.js';
import type { MetadataFields } from './types.js';
import { closestElement, compileSelector } from '../parse/select.js';

const ARTICLE_SCOPE = '[itemscope][itemtype*="Article" i], [itemscope][itemtype*="BlogPosting" i]';
/** Class, id or itemprop words that mark a <time> as the update time rather than the publication. */
const MODIFIED_HINT = /updat|modif|edit|revis|aktualisiert|обновл/i;
const PUBLISHED_HINT = /publish|posted|created|dateline|pubdate|date-?time|timestamp/i;
/** Places whose dates and names belong to other stories or to readers. */
const ELSEWHERE = 'aside, footer, nav, [class*="related" i], [class*="comment" i]';
const IS_ELSEWHERE = compileSelector(ELSEWHERE);

/** An itemprop's value as microdata defines it: content, datetime, src/href, or the text. */
function propValue($: CheerioAPI, element: Element): string | undefined {
  const { attribs } = element;
  const attribute =
    attribs['content'] ??
    attribs['datetime'] ??
    (['img', 'source', 'video', 'audio'].includes(element.name) ? attribs['src'] : undefined) ??
    (['a', 'link'].includes(element.name) ? attribs['href'] : undefined);
  return cleanString(attribute ?? $(element).text());
}

/** True when the element's itemprop list holds `name` (what [itemprop~="name" i] selects). */
function hasProp(element: Element, name: string): boolean {
  return (element.attribs['itemprop'] ?? '').toLowerCase().split(/\s+/).includes(name.toLowerCase());
}

/** The first of the scope's itemprop elements (in page order) that carries `name`. */
function propText($: CheerioAPI, props: readonly Element[], name: string): string | undefined {
  const element = props.find((prop) => hasProp(prop, name));
  return element ? propValue($, element) : undefined;
}

/** Items whose authors are readers: product reviews, comments, questions and answers. */
const READER_ITEMS = /Review|Comment|Question|Answer|Rating/i;

/** A Person or Organization scope names itself in a nested itemprop="name". */
function authorsOf($: CheerioAPI, scope: Cheerio<AnyNode>): string[] | undefined {
  const names = scope
    .find('[itemprop~="author" i], [itemprop~="creator" i]')
    .toArray()
    .flatMap((element) => {
      // The author of a review, a comment or an answer on the page is a reader, not the writer.
      const owner = $(element).parent().closest('[itemscope]');
      if (READER_ITEMS.test(owner.attr('itemtype') ?? '')) return [];
      const nested = $(element).find('[itemprop~="name" i]').get(0);
      const text = propValue($, nested ?? element);
      // A whole author box (bio, links) is not a byline.
      return text && text.length <= 120 ? splitAuthors(text) : [];
    });
  return names.length > 0 ? uniqueIgnoringCase(names) : undefined;
}

export function readMicrodata($: CheerioAPI, bases: UrlBases, zone?: PageZone): MetadataFields {
  // Inside the article's own scope when there is one, so a sidebar's items do not leak in.
  const scopes = $(ARTICLE_SCOPE).filter((_, element) => closestElement(element, IS_ELSEWHERE) === null);
  const articleScope = scopes.filter((_, element) => $(element).find('[itemprop~="headline" i]').length > 0).first();
  const scope: Cheerio<AnyNode> = articleScope.length > 0 ? articleScope : scopes.length > 0 ? scopes.first() : $.root();
  // Read once: a dozen properties are looked up in them, and a page with no article scope is all scope.
  const props = scope.find('[itemprop]').toArray();
  if (props.length === 0) return {};
  const publisher = scope.find('[itemprop~="publisher" i]').first();
  const publisherName = publisher.find('[itemprop~="name" i]').get(0);
  const tags = toTagList(propText($, props, 'keywords'));
  return {
    title: propText($, props, 'headline'),
    authors: authorsOf($, scope),
    siteName: publisherName ? propValue($, publisherName) : undefined,
    publishedTime: toIsoDate(propText($, props, 'datePublished') ?? propText($, props, 'dateCreated'), zone),
    modifiedTime: toIsoDate(propText($, props, 'dateModified'), zone),
    lang: toLangTag(propText($, props, 'inLanguage')),
    excerpt: propText($, props, 'description'),
    imageUrl: absoluteHttpUrl(propText($, props, 'image') ?? propText($, props, 'thumbnailUrl'), bases.image),
    tags: tags.length > 0 ? tags : undefined,
    section: propText($, props, 'articleSection'),
  };
}

function hints(element: Element): string {
  const parent = element.parent as Element | null;
  return [element.attribs['class'], element.attribs['id'], element.attribs['itemprop'], parent?.attribs?.['class']].join(' ');
}

/**
 * <time datetime> elements: one marked as an update is the modified time; the published time
 * is one marked as such, else the first inside the article, else the page's first.
 */
export function readTimeElements($: CheerioAPI, zone?: PageZone): MetadataFields {
  const times = $('time[datetime]')
    .toArray()
    .filter((time) => closestElement(time, IS_ELSEWHERE) === null);
  const modified = times.find((time) => MODIFIED_HINT.test(hints(time)));
  const candidates = times.filter((time) => time !== modified);
  const published =
    candidates.find((time) => time.attribs['pubdate'] !== undefined || PUBLISHED_HINT.test(hints(time))) ??
    candidates.find((time) => $(time).closest('article, main, [role="main"]').length > 0) ??
    candidates[0];
  return {
    publishedTime: toIsoDate(published?.attribs['datetime'], zone),
    modifiedTime: toIsoDate(modified?.attribs['datetime'], zone),
  };
}
