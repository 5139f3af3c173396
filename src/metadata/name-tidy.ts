// src/metadata/name-tidy.ts
// One credit from a byline, with the page furniture its text picked up cut off: a label glued to
// the name ("Posted byDamien Walter"), the day of the post ("Louis Jacobson on Monday",
// "Jeff FoustMonday"), the city of the dateline ("Shaun Nichols in California"), a role in
// parentheses ("Lance Ryan (Content Manager)"). A byline widget's own words ("View my complete
// profile", "Save as PDF", "Topic: Ministry") name no one and become empty. The price: a surname
// that is a weekday after a space ("Anna Sunday") loses it; bylines end in the post's day far more often.

/**
 * A byline label run into the name with no space: the name's capital starts right after it.
 * Spaced labels ("Erstellt von Andri Bryner") are values.ts's BYLINE_PREFIX, cut before this.
 */
const GLUED_LABEL =
  /^(?:(?:[Ww]ritten|[Pp]osted|[Rr]eviewed|[Pp]ublished|[Ee]dited) by|[Bb]y|BY|[Vv]on|(?:[Ee]rstellt|[Ee]ingestellt|[Vv]eröffentlicht|[Gg]eschrieben|[Vv]erfasst) von|[Aa]uthors?:)\s*(?=\p{Lu})/u;

const WEEKDAYS =
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo';
/**
 * The post's weekday after the name: spaced ("on Monday", "Thursday"), after a dash ("- Fri"), or
 * glued to the name ("FoustMonday"). Case-sensitive, and never a title's weekday: "Symon",
 * "calgarysun" and "The Mail On Sunday" end in no weekday.
 */
const TRAILING_WEEKDAY = new RegExp(
  `(?:(?:(?<!\\b(?:On|The|of))\\s+(?:on\\s+|am\\s+|le\\s+|el\\s+)?|(?<=\\p{Ll}))(?:${WEEKDAYS})|\\s*[-–—,]\\s*(?:${WEEKDAYS}|Mon|Tue|Wed|Thu|Fri|Sat|Sun))\\.?$`,
  'u',
);
/** A weekday alone, or a date label with no name: "Thursday", "Veröffentlicht am". */
const NO_NAME_LEFT = new RegExp(`^(?:${WEEKDAYS}|(?:veröffentlicht|aktualisiert)\\s+am|published(?:\\s+on)?|updated(?:\\s+on)?|posted(?:\\s+on)?)$`, 'iu');
/** The dateline's place after a full name: "Belinda Tasker in London". */
const TRAILING_PLACE = /^(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)+)\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)?$/u;
/** A role or a place in parentheses after the name, or the author's feed link ("… RSS feed"); not the agency a story draws on ("(mit dpa)": credit-split.ts). */
const TRAILING_PARENS = /\s*\((?!(?:mit|with|avec|con)\s)[^()]*\)$|\s+RSS(?:\s+feed)?$/iu;
/** The byline box's links and buttons, read as its text. */
const WIDGET_WORDS =
  /^(?:view|save|read|share|follow|print|e-?mail|subscribe|contact|comment|comments|zeige|alle|mehr|about\s+(?:us|me)$|press\s+release$)(?!\p{L})/iu;
/** "About Melissa Norris": the author box's heading names its author. */
const ABOUT_PREFIX = /^About\s+(?=\p{Lu}\p{Ll}+\s+\p{Lu})/u;

export function tidyName(credit: string): string {
  let name = credit
    .replace(GLUED_LABEL, '')
    .replace(ABOUT_PREFIX, '')
    .replace(/^in:\s*/, '');
  // A label left with its colon ("Topic: …") or a symbol no name holds (®, ©, a link's arrow).
  if (WIDGET_WORDS.test(name) || /[:®©→»›]/.test(name)) return '';
  name = name.replace(TRAILING_WEEKDAY, '').replace(TRAILING_PARENS, '').trim();
  if (NO_NAME_LEFT.test(name)) return '';
  // A name read twice from two elements run together: "Kristen Falc'honKristen Falc'hon".
  return name
    .replace(TRAILING_PLACE, '$1')
    .replace(/^(.{4,})\1$/u, '$1')
    .replace(/(?<=\p{Ll}{2})\.$/u, '');
}
