// src/parse/tag-queries.ts
// Readability finds elements with querySelectorAll and a list of tag names ("p,td,pre"), often
// once for each block it weighs. jsdom's selector engine parses and matches each call in full,
// about 15 µs before it looks at a node, which made those calls 8% of a page's CPU. For such
// plain tag lists the window's documents here walk the tree themselves (a TreeWalker, in the
// tree order the selector engine returns); any other selector goes to jsdom's engine as before.

/** "p", "h1,h2", "*": tag names joined by commas, as Readability writes them. */
const PLAIN_TAG_LIST = /^(?:\*|[a-z][a-z0-9]*)(?:,(?:\*|[a-z][a-z0-9]*))*$/;

const SHOW_ELEMENT = 1;

interface QueryRoot {
  querySelectorAll(selectors: string): ArrayLike<Element>;
}

/**
 * The descendants of `root` (not `root` itself) named in `tags`, in tree order: what the
 * selector engine gives for a plain tag list, as a static list.
 */
export function elementsNamed(root: Node, tags: ReadonlySet<string>): Element[] {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, SHOW_ELEMENT);
  const found: Element[] = [];
  const any = tags.has('*');
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A type selector matches an element's local name (an HTML document's HTML elements are all
    // lower case, and Readability writes its tags in lower case).
    if (any || tags.has((node as Element).localName)) found.push(node as Element);
  }
  return found;
}

/** Gives the window's Document, DocumentFragment and Element the fast path for plain tag lists. */
export function speedUpTagQueries(window: Record<'Document' | 'DocumentFragment' | 'Element', { prototype: unknown }>): void {
  for (const type of [window.Document, window.DocumentFragment, window.Element]) {
    const prototype = type.prototype as QueryRoot;
    const engine = prototype.querySelectorAll;
    prototype.querySelectorAll = function querySelectorAll(this: Node & QueryRoot, selectors: string) {
      return typeof selectors === 'string' && PLAIN_TAG_LIST.test(selectors)
        ? elementsNamed(this, new Set(selectors.split(',')))
        : engine.call(this, selectors);
    };
  }
}
