// src/metadata/page.ts
// The page's own declarations: <title>, <html lang>, Content-Language and <link rel=canonical>.

import type { CheerioAPI } from 'cheerio';
import { absoluteHttpUrl } from './meta-tags.js';
import { cleanString, toLangTag } from './values.js';

export interface PageDeclarations {
  title: string | undefined;
  htmlLang: string | undefined;
  contentLanguage: string | undefined;
  canonicalUrl: string | undefined;
}

/** `pageBase` is the page's real address, when known; a relative canonical needs it. */
export function readPageDeclarations($: CheerioAPI, pageBase: string | undefined): PageDeclarations {
  const root = $('html').first();
  const contentLanguage = $('meta[http-equiv="content-language" i]').first().attr('content');
  return {
    title: cleanString($('title').first().text()),
    htmlLang: toLangTag(root.attr('lang') ?? root.attr('xml:lang')),
    // "de, en" lists several languages; the first is the main one.
    contentLanguage: toLangTag(contentLanguage?.split(',')[0]),
    canonicalUrl: absoluteHttpUrl(cleanString($('link[rel~="canonical" i]').first().attr('href')), pageBase),
  };
}
