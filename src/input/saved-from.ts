// src/input/saved-from.ts
// The address a browser's "Save page" wrote into the file, `<!-- saved from url=(0042)https://… -->`
// near its top (Internet Explorer and Edge, and mirrors made with them): for a saved page given
// without --url it resolves links and fills `url`, as --url would.

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i;
/** Browsers write the comment before or just after the doctype: the top of the file is enough. */
const LOOK_IN_FIRST = 2048;

export function savedFromUrl(text: string): string | null {
  const found = SAVED_FROM.exec(text.slice(0, LOOK_IN_FIRST))?.[1];
  return found !== undefined && URL.canParse(found) ? found : null;
}
