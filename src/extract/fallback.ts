// src/extract/fallback.ts
// What to do when Readability finds nothing or too little (short articles, unusual markup):
// try Readability again with a lower length threshold, then the publisher's JSON-LD articleBody,
// then the page's largest block of paragraphs. Each is tried only when the one before falls short.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseSpaces, countWords } from '../text/normalize.js';
import { extractFromArticleBody, extractWithReadability, type ExtractedContent } from './readability.js';

/** Below this many words an extraction is suspect and the next method gets a chance. */
export const MIN_ARTICLE_WORDS = 80;
/** A short story is still a story: Readability's 500-character minimum drops briefs. */
const LOW_CHAR_THRESHOLD = 100;

export interface FallbackInputs {
  /** A fresh parse of the page each call: Readability changes the document it reads. */
  parse: () => Document;
  articleBody: string | null;
  /** The filtered page, for the largest-block fallback. */
  page: CheerioAPI;
  /** True for an extraction that reads as page furniture (verify.ts): never preferred for its length. */
  isFurniture?: (content: ExtractedContent) => boolean;
}

function wordsOf(content: ExtractedContent | null): number {
  return content ? countWords(collapseSpaces(content.html.replace(/<[^>]+>/g, ' '))) : 0;
}

/** The element whose direct <p> children hold the most text: the body of most article templates. */
export function largestTextBlock($: CheerioAPI): ExtractedContent | null {
  let best: Element | null = null;
  let bestChars = 0;
  $('body *').each((_, element) => {
    let chars = 0;
    $(element)
      .children('p')
      .each((__, paragraph) => {
        chars += $(paragraph).text().trim().length;
      });
    if (chars > bestChars) [best, bestChars] = [element, chars];
  });
  if (!best) return null;
  const html = $(best).html() ?? '';
  return { html: `<div>${html}</div>`, title: null, byline: null, excerpt: null, siteName: null, lang: null, publishedTime: null, method: 'largest-block' };
}

/**
 * The first extraction with enough words, trying each method only when the previous one falls
 * short; if none is long enough, the longest of them (a brief is better than nothing).
 */
export function extractWithFallbacks(first: ExtractedContent | null, inputs: FallbackInputs): ExtractedContent | null {
  if (wordsOf(first) >= MIN_ARTICLE_WORDS) return first;
  const tried: Array<ExtractedContent | null> = [first];
  const attempts: Array<() => ExtractedContent | null> = [
    () => extractWithReadability(inputs.parse(), LOW_CHAR_THRESHOLD),
    () => (inputs.articleBody ? extractFromArticleBody(inputs.articleBody) : null),
    () => largestTextBlock(inputs.page),
  ];
  for (const attempt of attempts) {
    const content = attempt();
    // A sidebar's topic list or a footer's notice is long enough more often than a short story.
    if (content && inputs.isFurniture?.(content)) continue;
    if (wordsOf(content) >= MIN_ARTICLE_WORDS) return content;
    tried.push(content);
  }
  // Ties go to the earlier method: Readability's choice over a guess.
  return tried.reduce<ExtractedContent | null>((best, content) => (wordsOf(content) > wordsOf(best) ? content : best), null);
}
