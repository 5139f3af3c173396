// src/parse/dom-build.ts
// Copies the page's cheerio tree into a jsdom document node by node, instead of serialising it
// and having jsdom parse the string again. The tree is already the HTML parser's result, so the
// copy is the document that parse gives (checked on every benchmark and dev page), at about two
// thirds of its cost: jsdom's parser grows each text node one token (one word or one run of
// spaces) at a time, recording a mutation for each, where the copy makes it once.
// Where serialising and parsing again would not give the tree back, the copy gives up and the
// caller parses: the serialiser writes the doctype's name only, so a page parsed in quirks mode
// (where a <table> may sit inside a <p>) is parsed again in standards mode.

import type { AnyNode, Document as TreeDocument, Element as TreeElement, ParentNode } from 'domhandler';
import { isSelfContainedMarkup } from './noscript-markup.js';
import { insideMatching, isTag } from './select.js';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** What the copy needs from jsdom: the document to fill and how to start one. */
export interface DocumentFactory {
  /** A document with an empty <html>, in the quirks mode the given doctype (or none) sets. */
  emptyDocument(doctype: string | null): Document;
}

/** Documents from a DOMParser: the parse of the doctype alone, its <head> and <body> taken out. */
export function parserFactory(parser: DOMParser): DocumentFactory {
  return {
    emptyDocument(doctype) {
      const document = parser.parseFromString(`${doctype ?? ''}<html></html>`, 'text/html');
      while (document.documentElement.firstChild) document.documentElement.firstChild.remove();
      return document;
    },
  };
}

/** Thrown where a parse of the serialised tree would build something else than the tree. */
export class NotRoundTrip extends Error {}

/** The doctype's name (null for no doctype): the serialiser writes it alone, and it sets the parse's mode. */
function doctypeNameOf(root: TreeDocument): string | null {
  const directive = root.children.find((node) => node.type === 'directive') as (AnyNode & { 'x-name'?: string }) | undefined;
  return directive ? (directive['x-name'] ?? '') : null;
}

interface CopyState {
  document: Document;
  hidden: ReadonlySet<TreeElement>;
  /** A <table> inside a <p> is taken out of it by a standards-mode parse. */
  standards: boolean;
}

/** The parser reads every line break as "\n". */
const normalizeNewlines = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

function copyAttributes(from: TreeElement, to: globalThis.Element, hidden: ReadonlySet<TreeElement>): void {
  for (const name of Object.keys(from.attribs)) to.setAttribute(name, normalizeNewlines(from.attribs[name]!));
  if (hidden.has(from) && !to.hasAttribute('hidden')) to.setAttribute('hidden', '');
}

/**
 * Appends copies of `from`'s children to `to`. Neighbouring text nodes become one, as a parse of
 * the serialised tree joins them. Comments are kept: a parser-made one (`<?xml …?>` in the body)
 * still counts for Readability, which takes a <div> of text with one for more than a paragraph.
 * Each element is filled before it is attached, so jsdom's per-insert ancestor checks stay short.
 */
function copyChildren(state: CopyState, from: ParentNode, to: Node, inParagraph: boolean): void {
  let text = '';
  for (const child of from.children) {
    if (child.type === 'text') {
      text += child.data;
      continue;
    }
    const copy = isTag(child)
      ? copyElement(state, child, inParagraph)
      : child.type === 'comment'
        ? state.document.createComment(normalizeNewlines(child.data))
        : null;
    if (!copy) continue;
    if (text !== '') to.appendChild(state.document.createTextNode(normalizeNewlines(text)));
    text = '';
    to.appendChild(copy);
  }
  if (text !== '') to.appendChild(state.document.createTextNode(normalizeNewlines(text)));
}

function copyElement(state: CopyState, from: TreeElement, inParagraph: boolean): globalThis.Element {
  const { document } = state;
  const namespace = from.namespace ?? HTML_NAMESPACE;
  const html = namespace === HTML_NAMESPACE;
  if (html && inParagraph && state.standards && from.name === 'table') throw new NotRoundTrip('a <table> inside a <p>');
  const element = html ? document.createElement(from.name) : document.createElementNS(namespace, from.name);
  copyAttributes(from, element, state.hidden);
  if (html && from.name === 'noscript') copyNoscript(document, from, element);
  else copyChildren(state, from, element, inParagraph || (html && from.name === 'p'));
  return element;
}

/**
 * The page was parsed with scripting on, so a <noscript> holds its markup as text; jsdom's
 * documents have scripting off and parse that markup into elements. Markup that stays inside its
 * <noscript> is parsed on its own (in a <div>, read as the body's parser reads it); other markup
 * would change the page around it, and only a parse of the whole page gives that.
 */
function copyNoscript(document: Document, from: TreeElement, to: globalThis.Element): void {
  const markup = normalizeNewlines(from.children.map((child) => (child.type === 'text' ? child.data : '')).join(''));
  // Plain text (no tags, no character references) reads the same either way.
  if (!/[<&]/.test(markup)) {
    if (markup !== '') to.appendChild(document.createTextNode(markup));
    return;
  }
  const place = { insideLink: insideMatching(from, IS_LINK), insideParagraph: insideMatching(from, IS_PARAGRAPH) };
  if (!isSelfContainedMarkup(markup, place)) throw new NotRoundTrip('a <noscript> whose markup reaches out of it');
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  while (holder.firstChild) to.appendChild(holder.firstChild);
}

const IS_LINK = (element: TreeElement): boolean => element.name === 'a';
const IS_PARAGRAPH = (element: TreeElement): boolean => element.name === 'p';

/**
 * The jsdom copy of a parsed page, with the elements of `hidden` given a `hidden` attribute.
 * Throws what jsdom throws for names its DOM refuses but the HTML parser accepted (`<a b"c=1>`);
 * the caller then parses the serialised page instead.
 */
export function copyTree(root: TreeDocument, factory: DocumentFactory, hidden: ReadonlySet<TreeElement> = new Set()): Document {
  const doctypeName = doctypeNameOf(root);
  const document = factory.emptyDocument(doctypeName === null ? null : `<!DOCTYPE ${doctypeName}>`);
  // Standards mode comes of <!DOCTYPE html> alone; no doctype is quirks mode.
  const standards = doctypeName?.toLowerCase() === 'html';
  const html = root.children.find((node): node is TreeElement => isTag(node) && node.name === 'html');
  if (!html) return document;
  try {
    copyAttributes(html, document.documentElement, hidden);
    copyChildren({ document, hidden, standards }, html, document.documentElement, false);
  } catch (error) {
    // What was attached already is registered with the shared window (ids, names): let it go.
    while (document.firstChild) document.firstChild.remove();
    throw error;
  }
  return document;
}
