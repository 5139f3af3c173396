// src/extract/not-article.ts
// Pages that come out of extraction with some text but are no article, refused as E_NO_ARTICLE:
// too few words (--min-words, 5 by default: "Copyright 2024", a login form), and the folder
// listings web servers generate ("Index of /pub": file names, dates and sizes, often more
// words than that). --min-words 0 takes anything.

import { countWords } from '../text/normalize.js';
import type { Article } from '../types.js';

/**
 * The title web servers give the folder pages they generate: Apache, nginx and lighttpd write
 * "Index of /path", Python's http.server "Directory listing for /path".
 */
const LISTING_TITLE = /^(?:index of|directory listing for) \//i;
/** A paragraph this long is prose: a page with one is an article, whatever its title says. */
const PROSE_WORDS = 10;

/** Why the article is no article, or null when it is one. */
export function notAnArticle(article: Article, minWords: number): string | null {
  if (minWords === 0) return null;
  if (article.wordCount < minWords) {
    return `only ${article.wordCount} word${article.wordCount === 1 ? '' : 's'} of text, under --min-words ${minWords}: not an article`;
  }
  const prose = article.blocks.some((block) => block.type === 'p' && countWords(block.text) >= PROSE_WORDS);
  if (LISTING_TITLE.test(article.title ?? '') && !prose) return `a folder listing a web server made ("${article.title}"), not an article`;
  return null;
}
