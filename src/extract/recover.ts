// src/extract/recover.ts
// Readability keeps one subtree and cleans inside it: this stage takes back what it lost of the
// article, first the blocks dropped from inside the subtree (holes.ts), then the sections beside
// it (siblings.ts). Both ask the same judge (section-judge.ts), so they agree on what is article.

import type { CheerioAPI } from 'cheerio';
import { detectLang } from '../text/lang.js';
import { fillHoles, findHoles } from './holes.js';
import type { PageParagraphs } from './page-paragraphs.js';
import type { JudgeOptions } from './section-judge.js';
import { addSections, recoverSiblingSections, sourceElement } from './siblings.js';

export interface RecoverOptions {
  /** --favor-recall: take shorter and more linked sections too. */
  lenient: boolean;
  /** The page's declared language, if any. */
  lang: string | null;
}

/** Puts the lost parts of the article back into `$article`; returns how many blocks it added. */
export function recoverArticleParts($page: CheerioAPI, $article: CheerioAPI, paragraphs: PageParagraphs, options: RecoverOptions): number {
  // The language is worked out from the text only if a date line needs it.
  let detected: { lang: string | null } | undefined;
  const pageLang = (): string | null => {
    if (options.lang !== null) return options.lang;
    detected ??= { lang: detectLang($article.root().text()) };
    return detected.lang;
  };
  const judging: JudgeOptions = { lenient: options.lenient, pageLang };
  // Where the article came from on the page, found once: the holes are put back from inside it,
  // so it is the same element after them.
  const source = sourceElement($page, $article, paragraphs);
  const filled = fillHoles($page, $article, findHoles($page, $article, paragraphs, judging, source));
  return filled + addSections($page, $article, recoverSiblingSections($page, $article, paragraphs, judging, source));
}
