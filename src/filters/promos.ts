// src/filters/promos.ts
// Calls to action and legal small print inside the article: "Sign up for our free newsletter",
// "Follow us on Facebook", "This post may contain affiliate links", "© 2019 Publisher. All rights
// reserved." They talk about the site, not the story.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { DumpLine, Filter } from '../types.js';
import { shortBlockText } from './select-helpers.js';

/** Promos are short; a long paragraph that mentions a newsletter is reporting about one. */
const MAX_PROMO_CHARS = 320;

/** Verbs and nouns of a call to action, per language. Matched anywhere in a short paragraph. */
export const CALL_TO_ACTION = new RegExp(
  [
    // English: the site's own newsletter, channel, membership or social accounts ("sign up" alone is
    // also how articles describe services, so it needs "our"/"the … newsletter" next to it).
    String.raw`\b(?:sign up|subscribe|register) (?:for|to) our (?:[\w+'’-]+ ){0,4}(?:newsletters?|emails?|alerts?|channel|podcast)\b`,
    // "Subscribe to the free Daily Dish email newsletter": up to three words name it.
    String.raw`\b(?:sign up|subscribe) (?:for|to) the (?:[\w'’-]+ ){0,3}(?:e-?mail )?newsletter\b`,
    // "Join over 100,000 monthly readers": the site counting its audience to recruit one more.
    String.raw`\bjoin (?:over |more than |nearly |almost )?[\d,.]+\s?(?:k|m|million|thousand)?\+? (?:\w+ ){0,2}(?:readers|subscribers|followers|members)\b`,
    // "get our" alone is also "get our hands on": it needs what a site hands out after it.
    String.raw`\bsubscribe to our\b|\bget our (?:free |daily |weekly |latest |best )*(?:newsletters?|app|e-?mails?|alerts?|updates|podcast|magazine|guide|deals)\b|\bour (?:free )?(?:daily |weekly )?newsletter\b|\bjoin (?:us|our)\b`,
    String.raw`\b(?:chat|talk) (?:to|with) us (?:on|in)\b|\b(?:follow us|find us|like us) on\b|\bfollow @?[\w.]+(?: [\w.]+){0,2} on (?:twitter|facebook|instagram|youtube|tiktok|linkedin|telegram|,)|\bbecom(?:e|ing) a (?:member|subscriber|patron|supporter)\b|\bdownload (?:our|the \w+) app\b`,
    String.raw`\bsupport (?:our|independent) journalism\b|\b(?:straight |directly )?(?:to|in) your inbox\b`,
    '(?:подпишитесь на (?:наш|нас)|подписывайтесь на (?:наш|нас)|присоединяйтесь к нам|читайте нас в)',
    String.raw`\b(?:abonnieren sie unseren|folgen sie uns|melden sie sich (?:jetzt )?(?:für|zum) (?:unseren )?newsletter)\b`,
    String.raw`\b(?:abonnez-vous à notre|inscrivez-vous à notre|suivez-nous)\b`,
    String.raw`\b(?:suscríbete a nuestro|síguenos en)\b|\b(?:iscriviti alla nostra|seguici su)\b|\b(?:assine a nossa|siga-nos)\b`,
  ].join('|'),
  'iu',
);

/** Copyright lines, affiliate and comment-policy disclosures, citation boilerplate. */
export const LEGAL_NOTICE = new RegExp(
  [
    String.raw`\ball rights reserved\b`,
    // Affiliate disclosures are the site speaking of its own links; "streamers earn a commission
    // via affiliate links" is an article about affiliate programmes.
    String.raw`\bthis (?:post|article|page) (?:may )?contains? (?:affiliate|sponsored)\b`,
    String.raw`\b(?:contains?|uses?|includes?|are|is an?) (?:some )?affiliate (?:and/or referral )?links?\b`,
    String.raw`\b(?:we|i|us|me)\b(?: may| might| will| could)? (?:earn|receive|get|make)\b.{0,30}\bcommission\b`,
    String.raw`\bthis (?:document|material|article) (?:is subject to|is protected by) copyright\b`,
    String.raw`\b(?:may not be|cannot be) (?:published|reproduced|republished),? broadcast\b`,
    // Comment-moderation notices: "Comments … will not be approved", "we are moderating all comments".
    String.raw`(?<!\p{L})(?:comments?|comentários|comentarios|kommentare|commentaires|commenti|комментарии)(?!\p{L}).{0,100}(?:moderat|moderad|modér|moderier|approv|aprovad|freigeschaltet|модер)`,
    String.raw`\b(?:moderat\w*|approv\w*)\b.{0,40}\bcomments?\b`,
    String.raw`^(?:©|copyright)\s*\d{4}`,
    // "Site © 2012", and the disclaimer for the links a story carries.
    String.raw`^[\p{L}\d .&'’-]{1,40}(?:©|\(c\))\s*\d{4}\b`,
    String.raw`\b(?:is|are) not responsible for the content of (?:external|other|third[- ]party|linked) (?:sites|websites|pages|links)\b`,
    'все права защищены|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|wszelkie prawa zastrzeżone|tüm hakları saklıdır|جميع الحقوق محفوظة',
    // CJK reprint notices: "unauthorised copying and redistribution prohibited" (ko, ja, zh).
    '무단 ?전재|재배포 ?금지|無断転載|無断複製|版权所有|版權所有|未经(?:许可|授权)[^。]{0,10}转载|禁止转载',
  ].join('|'),
  'iu',
);

/** Sentence ends, where a paragraph of prose is cut to see how much of it the call to action is. */
const SENTENCE_BREAK = /(?<=[.!?。！？])\s+/u;
/** Prose besides the matching sentences that makes the paragraph the author's, not the site's. */
const MIN_OTHER_PROSE_CHARS = 80;
const MIN_OTHER_PROSE_SHARE = 0.75;

/**
 * True when the call to action closes a paragraph that is mostly something else ("Here are our
 * picks for week 8. … Follow @league on Instagram."): the paragraph is the author's, and a filter
 * takes a whole block or nothing. A notice that opens with the call ("Join our list! We will send
 * you…") is the site's however it goes on, and so is small print, which runs to several sentences.
 */
function authorProseWithPlug(text: string, pattern: RegExp): boolean {
  const sentences = text.split(SENTENCE_BREAK);
  if (sentences.length < 2 || pattern.test(sentences[0]!)) return false;
  const other = sentences.filter((sentence) => !pattern.test(sentence)).join(' ');
  return other.length >= MIN_OTHER_PROSE_CHARS && other.length >= text.length * MIN_OTHER_PROSE_SHARE;
}

function isShortNotice(text: string, pattern: RegExp, proseWins: boolean): boolean {
  return text.length <= MAX_PROMO_CHARS && pattern.test(text) && !(proseWins && authorProseWithPlug(text, pattern));
}

/**
 * Sentences of a site's small print beyond the notices above: trademark and licence statements
 * ("X and Y are registered trademarks of Z", "officially licensed by"), property claims and a
 * sentence that opens with ©, in the languages we see most.
 */
const SMALL_PRINT_SENTENCE = new RegExp(
  [
    LEGAL_NOTICE.source,
    String.raw`\b(?:registered )?trademarks? of\b|\bare (?:the )?property of\b|\bofficially licensed by\b|^(?:©|\(c\))`,
    String.raw`\beingetragene (?:marken|warenzeichen)\b|\bmarques? déposées?\b|\bmarcas? registradas?\b|\bmarchi registrati\b`,
  ].join('|'),
  'iu',
);
/** A trademark list can fill a paragraph; a longer block that says "all rights reserved" is a story. */
const MAX_SMALL_PRINT_CHARS = 1500;
const MIN_SMALL_PRINT_SENTENCES = 3;

/**
 * A paragraph of small print, too long for a one-line notice: it says "all rights reserved" or the
 * like, and half or more of its sentences are legal statements.
 */
function isSmallPrint(text: string): boolean {
  if (text.length > MAX_SMALL_PRINT_CHARS || !LEGAL_NOTICE.test(text)) return false;
  const sentences = text.split(SENTENCE_BREAK);
  const legal = sentences.filter((sentence) => SMALL_PRINT_SENTENCE.test(sentence)).length;
  return sentences.length >= MIN_SMALL_PRINT_SENTENCES && legal * 2 >= sentences.length;
}

type IsNotice = (text: string) => boolean;

function noticeBlocks($: CheerioAPI, isNotice: IsNotice, maxChars: number): AnyNode[] {
  return $('p, div, li, h3, h4, h5, h6, small, em')
    .toArray()
    .filter((element) => {
      // Text first: it gives up early on big containers, which are most candidates.
      const text = shortBlockText(element, maxChars);
      return !!text && isNotice(text) && $(element).find('p, div, li').length === 0;
    });
}

function noticeLines(isNotice: IsNotice) {
  return (lines: readonly DumpLine[]): number[] => lines.filter((line) => isNotice(line.text)).map((line) => line.index);
}

const isPromo: IsNotice = (text) => isShortNotice(text, CALL_TO_ACTION, true);
const isLegal: IsNotice = (text) => isShortNotice(text, LEGAL_NOTICE, false) || isSmallPrint(text);

export const promoParagraphs: Filter = {
  name: 'promo-paragraphs',
  stage: 'article',
  maxShare: 0.5,
  reason: 'a short call to subscribe, sign up, join or follow is the site promoting itself',
  select: ($) => noticeBlocks($, isPromo, MAX_PROMO_CHARS),
  selectLines: noticeLines(isPromo),
};

export const legalNotices: Filter = {
  name: 'legal-notices',
  stage: 'article',
  maxShare: 0.5,
  reason: "copyright lines and affiliate or citation notices are the site's small print",
  select: ($) => noticeBlocks($, isLegal, MAX_SMALL_PRINT_CHARS),
  selectLines: noticeLines(isLegal),
};
