// src/parse/expanders.ts
// Collapsed sections: FAQ answers, accordions and "read more" bodies are on the page but shut
// until a reader opens them. Their panels are hidden the ways Readability and our hidden-elements
// filter skip (display:none, hidden, aria-hidden, a "hidden" or "collapse" class), and their
// toggles are buttons, which Readability strips with the form controls. The reader can open them,
// so they are article text: a panel that a toggle opens, or that its name calls collapsible, and
// that holds sentences is shown, and a toggle that asks a question becomes a paragraph.
// Menus, search boxes and dialogs hold no sentences and stay shut; a panel that repeats text the
// page already shows (a second copy for small screens) stays shut too.

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { elementTokens, hasToken, tokenSet } from '../filters/tokens.js';
import { boundedReadableText } from '../text/dom-text.js';
import { collapseSpaces, countWords, textKey } from '../text/normalize.js';

/** Names of panels that open and shut. */
const COLLAPSIBLE = tokenSet(['faq', 'faqs', 'accordion', 'collapse', 'collapsible', 'answer', 'expandable', 'readmore', 'spoiler', 'truncated']);
/** Inline styles and classes that keep a panel shut (the classes as whole names). */
const SHUT_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*;?/gi;
const SHUT_CLASSES = new Set(['hidden', 'd-none', 'is-hidden', 'u-hidden', 'collapse', 'collapsed', 'is-collapsed']);
/** A sentence of the story: this many words ending in sentence punctuation. */
const MIN_SENTENCE_WORDS = 8;
const SENTENCE_END = /[.!?。！？…]["'”’»)]?$/u;
/** A toggle's label becomes a paragraph when it reads like a question or a heading, not "More". */
const MIN_LABEL_WORDS = 3;
const MAX_LABEL_CHARS = 200;
/** Panels longer than this are read as plain text (cheaper) for the sentence test. */
const MAX_PANEL_CHARS = 50_000;

function isShut($: CheerioAPI, element: Element): boolean {
  const classes = (element.attribs['class'] ?? '').split(/\s+/);
  return (
    element.attribs['hidden'] !== undefined ||
    element.attribs['aria-hidden'] === 'true' ||
    /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(element.attribs['style'] ?? '') ||
    (classes.some((name) => SHUT_CLASSES.has(name.toLowerCase())) && !classes.includes('show') && !$(element).is('[class*="visually" i], [class*="sr-only" i]'))
  );
}

function holdsSentences($: CheerioAPI, panel: Element): boolean {
  const blocks = $(panel).find('p, li, dd').toArray();
  const texts = (blocks.length > 0 ? blocks : [panel]).map((block) => boundedReadableText(block, MAX_PANEL_CHARS) ?? collapseSpaces($(block).text()));
  return texts.some((text) => SENTENCE_END.test(text) && countWords(text) >= MIN_SENTENCE_WORDS);
}

/** The panels that the page's toggles open: by id (aria-controls, data-target, href="#id") or the toggle's next sibling. */
function toggledPanels($: CheerioAPI, toggles: readonly Element[]): Set<Element> {
  const panels = new Set<Element>();
  for (const toggle of toggles) {
    const target = toggle.attribs['aria-controls'] ?? toggle.attribs['data-target'] ?? toggle.attribs['data-bs-target'] ?? toggle.attribs['href'] ?? '';
    for (const id of target.split(/\s+/)) {
      const name = id.replace(/^#/, '');
      if (name === '' || !/^[\w:.-]+$/.test(name)) continue;
      const found = $(`[id="${name}"]`)[0];
      if (found?.type === 'tag') panels.add(found);
    }
    const next = $(toggle).next()[0];
    if (next?.type === 'tag') panels.add(next);
  }
  return panels;
}

function isCollapsibleByName(element: Element): boolean {
  return hasToken(elementTokens(element.attribs['class'] ?? '', element.attribs['id'] ?? ''), COLLAPSIBLE);
}

function open(element: Element): void {
  delete element.attribs['hidden'];
  if (element.attribs['aria-hidden'] === 'true') delete element.attribs['aria-hidden'];
  if (element.attribs['style']) element.attribs['style'] = element.attribs['style'].replace(SHUT_STYLE, '');
  if (element.attribs['class']) {
    element.attribs['class'] = element.attribs['class']
      .split(/\s+/)
      .filter((name) => !SHUT_CLASSES.has(name.toLowerCase()))
      .join(' ');
  }
}

/** A toggle whose label is a question or a heading ("Can I freeze squash?"), as a paragraph Readability keeps. */
function labelAsParagraph($: CheerioAPI, toggle: Element): void {
  if (toggle.name !== 'button' || $(toggle).find('p, div, ul, ol, table').length > 0) return;
  const label = collapseSpaces($(toggle).text());
  if (label.length > MAX_LABEL_CHARS || countWords(label) < MIN_LABEL_WORDS) return;
  $(toggle).replaceWith($('<p></p>').text(label));
}

/** Toggle attributes of ARIA's disclosure pattern and of the common frameworks. */
const TOGGLE_ATTRIBUTES = ['aria-controls', 'aria-expanded', 'data-toggle', 'data-bs-toggle', 'data-target', 'data-bs-target'];

/** One walk over the body: its toggles and its shut elements (a selector per attribute cost more). */
function toggleAndShut($: CheerioAPI): { toggles: Element[]; shut: Element[] } {
  const toggles: Element[] = [];
  const shut: Element[] = [];
  const body = $('body')[0];
  const stack: AnyNode[] = body ? [...body.children] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const element = node as Element;
    if (TOGGLE_ATTRIBUTES.some((name) => element.attribs[name] !== undefined)) toggles.push(element);
    if (isShut($, element)) shut.push(element);
    for (let index = element.children.length - 1; index >= 0; index--) stack.push(element.children[index]!);
  }
  return { toggles, shut };
}

/**
 * Opens the page's collapsed sections that hold sentences, and turns their question toggles into
 * paragraphs. Runs on the whole page before any filter, so the filters and Readability see them.
 */
export function openCollapsedSections($: CheerioAPI): void {
  const { toggles, shut } = toggleAndShut($);
  if (shut.length === 0) return;
  const toggled = toggledPanels($, toggles);
  let pageText: string | undefined;
  const opened: Element[] = [];
  for (const panel of shut) {
    if (!(toggled.has(panel) || isCollapsibleByName(panel)) || !holdsSentences($, panel)) continue;
    // A second copy of what the page shows (the small-screen twin of a block) stays shut.
    pageText ??= textKey($('body').text());
    const key = textKey($(panel).text());
    if (key.length > 0 && pageText.indexOf(key) !== pageText.lastIndexOf(key)) continue;
    opened.push(panel);
  }
  for (const panel of opened) open(panel);
  const openedToggles = toggles.filter((toggle) =>
    opened.some((panel) => $(toggle).next()[0] === panel || panel.attribs['id'] === (toggle.attribs['aria-controls'] ?? '')),
  );
  for (const toggle of openedToggles) labelAsParagraph($, toggle);
}
