// src/parse/tree-limits.ts
// The depth and nested-text limits of limits.ts, checked again on the tree parse5 actually built.
// The check before parsing counts with htmlparser2's stack of open elements, which closes a <div>
// on "</div>" wherever it was opened; the HTML tree builder ignores that end tag inside a table
// cell when the div lies outside the table, so every such cell goes one level deeper. A fuzzed page
// (a 2 kB chunk of a blog's related-links table repeated 200 times) passed that count and was 1,418
// deep in the tree, its text counted 41 million times over, and took 15 s of CPU in Readability and
// the filters. parse5 itself builds such trees in linear time (100,000 deep in about a second), so
// the tree it built is measured here, exactly, before any stage walks it.

import type { AnyNode } from 'domhandler';
import { CleanError } from '../errors.js';
import { MAX_DEPTH, MAX_NESTED_RAW_TEXT, MAX_NESTED_TEXT, RAW_TEXT, visibleLength } from './limits.js';

/** A node and the number of elements around it. */
interface Visit {
  node: AnyNode;
  depth: number;
  /** Inside a script, style, template or title: its text is not read element by element. */
  raw: boolean;
}

export interface TreeShape {
  /** The most elements around any node, as limits.ts counts depth. */
  depth: number;
  /** Visible characters, each counted once for every element around it. */
  nestedText: number;
  /** Every character (white space too), counted the same way. */
  nestedRawText: number;
}

/** The shape of the tree under `root`, in one pass with no recursion (the tree may be very deep). */
export function treeShape(root: AnyNode): TreeShape {
  const shape: TreeShape = { depth: 0, nestedText: 0, nestedRawText: 0 };
  const pending: Visit[] = [{ node: root, depth: 0, raw: false }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { node, depth, raw } = visit;
    if (node.type === 'text') {
      if (raw) continue;
      shape.nestedText += visibleLength(node.data) * depth;
      shape.nestedRawText += node.data.length * depth;
      continue;
    }
    if (!('children' in node)) continue;
    const isElement = 'name' in node;
    const childDepth = isElement ? depth + 1 : depth;
    if (childDepth > shape.depth) shape.depth = childDepth;
    const childRaw = raw || (isElement && RAW_TEXT.has(node.name));
    for (const child of node.children) pending.push({ node: child, depth: childDepth, raw: childRaw });
  }
  return shape;
}

/** Throws E_TOO_LARGE when the tree under `root` breaks one of limits.ts's limits. */
export function assertTreeShape(root: AnyNode, source: string): void {
  const shape = treeShape(root);
  if (shape.depth > MAX_DEPTH) {
    throw new CleanError('E_TOO_LARGE', `elements nest ${shape.depth} deep in the parsed page, over the limit of ${MAX_DEPTH}`, source);
  }
  if (shape.nestedText > MAX_NESTED_TEXT) {
    throw tooMuchText(`${shape.nestedText} visible characters`, MAX_NESTED_TEXT, source);
  }
  if (shape.nestedRawText > MAX_NESTED_RAW_TEXT) {
    throw tooMuchText(`${shape.nestedRawText} characters with their white space`, MAX_NESTED_RAW_TEXT, source);
  }
}

function tooMuchText(counted: string, limit: number, source: string): CleanError {
  return new CleanError(
    'E_TOO_LARGE',
    `text nested too deep in the parsed page: ${counted} counted once per enclosing element, over the limit of ${limit}`,
    source,
  );
}
