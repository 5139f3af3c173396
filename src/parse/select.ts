// src/parse/select.ts
// Selectors compiled once, for the stages that test them element by element. cheerio parses and
// compiles a selector string on every call: `$(img).closest('picture')` for each picture of a
// page, `$(block).find('p')` for each candidate block, came to about 1,300 compilations a page,
// a twentieth of its time and of its garbage. A test compiled at module load (css-select, the
// engine cheerio itself runs, with the same HTML rules) answers the same in a plain walk.

import { createRequire } from 'node:module';
import type * as CssSelect from 'css-select';
import type { AnyNode, Element } from 'domhandler';

/** One element passes or fails a selector. */
export type ElementTest = (element: Element) => boolean;

/** css-select (CommonJS) and the DOM helpers under it load with the first selector tested: a text dump never needs them. */
const loadCssSelect = (): typeof CssSelect => createRequire(import.meta.url)('css-select') as typeof CssSelect;

/**
 * A CSS selector as a test of one element; call it once, at module level. It is compiled when
 * first used, then kept with the test.
 */
export function compileSelector(selector: string): ElementTest {
  let query: ((element: Element) => boolean) | undefined;
  return (element) => {
    query ??= loadCssSelect().compile<AnyNode, Element>(selector);
    return query(element);
  };
}

/** An element node as cheerio counts them (domhandler's isTag, without loading domhandler). */
export function isTag(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** The element itself or its nearest ancestor element that passes `test`, as cheerio's closest(). */
export function closestElement(element: Element, test: ElementTest): Element | null {
  for (let current: AnyNode | null = element; current && isTag(current); current = current.parent) {
    if (test(current)) return current;
  }
  return null;
}

/** Every descendant element of `root` that passes `test`, in page order, as cheerio's find(). */
export function findElements(root: AnyNode, test: ElementTest, found: Element[] = []): Element[] {
  if (!('children' in root)) return found;
  for (const child of root.children) {
    if (!isTag(child)) continue;
    if (test(child)) found.push(child);
    findElements(child, test, found);
  }
  return found;
}

/** The first descendant element of `root` (in page order) that passes `test`, or null. */
export function firstElement(root: AnyNode, test: ElementTest): Element | null {
  if (!('children' in root)) return null;
  for (const child of root.children) {
    if (!isTag(child)) continue;
    if (test(child)) return child;
    const inner = firstElement(child, test);
    if (inner) return inner;
  }
  return null;
}

/** True when some descendant element of `root` passes `test`. */
export function hasElement(root: AnyNode, test: ElementTest): boolean {
  return firstElement(root, test) !== null;
}

/** The element's parent when that is an element (not the document), as cheerio's parent(). */
export function parentElement(node: AnyNode): Element | null {
  return node.parent && isTag(node.parent) ? node.parent : null;
}

/** True when some element child of `element` passes `test`, as cheerio's children(selector). */
export function hasChild(element: Element, test: ElementTest): boolean {
  return element.children.some((child) => isTag(child) && test(child));
}

/** True when an element around `node` (not the node itself) passes `test`. */
export function insideMatching(node: AnyNode, test: ElementTest): boolean {
  const parent = parentElement(node);
  return parent !== null && closestElement(parent, test) !== null;
}
