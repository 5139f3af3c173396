// src/tools/bundle-start-up.ts
// esbuild plugins that make the worker bundle (src/tools/bundle-worker.ts) start faster, each for
// one thing jsdom and its packages do when they load that a single page would otherwise wait for.
// None changes what a page's output is: every article of SH-181 and the dev sets is the same
// from the bundle as from the modules.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as esbuild from 'esbuild';
import { PACKAGE_ROOT } from '../batch/worker-bundle.js';

const SHIMS = join(PACKAGE_ROOT, 'src', 'tools', 'shims');
const INSIDE_JSDOM = `${join('node_modules', 'jsdom')}/`;

/** jsdom's own imports of what `filter` matches resolve to the stand-in `shimFor` names in src/tools/shims/. */
function standInForJsdom(name: string, filter: RegExp, shimFor: (path: string) => string): esbuild.Plugin {
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) => (args.importer.includes(INSIDE_JSDOM) ? { path: join(SHIMS, shimFor(args.path)) } : undefined));
    },
  };
}

/**
 * jsdom loads the whole of undici when it loads, though our documents never fetch: about 40 ms
 * of a single page's start-up. Inside jsdom, 'undici' and its UnwrapHandler (which loads
 * node:http and node:net) become stand-ins that load them on first use.
 */
const undiciOnFirstUseForJsdom = standInForJsdom('undici-on-first-use-for-jsdom', /^undici(\/lib\/handler\/unwrap-handler\.js)?$/, (path) =>
  path === 'undici' ? 'undici-for-jsdom.cjs' : 'undici-unwrap-handler.cjs',
);

/**
 * css-tree ships an ES-module build and a CommonJS build of the same code. jsdom's selector
 * engine imports the first and its style code requires the second, so a bundle would hold both
 * and build css-tree's grammar of all CSS twice when jsdom loads (about 20 ms of a single
 * page's start-up). Every import of css-tree gets the CommonJS build instead, as a require would.
 */
const oneCssTree: esbuild.Plugin = {
  name: 'one-css-tree',
  setup(build) {
    build.onResolve({ filter: /^css-tree(\/|$)/ }, (args) => {
      if (args.kind === 'require-call' || args.pluginData === 'one-css-tree') return undefined;
      return build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, importer: args.importer, pluginData: 'one-css-tree' });
    });
  },
};

/**
 * jsdom defines its 1,621 CSS properties (each name in its dashed, camel and Webkit forms) on one
 * prototype with Object.defineProperties. V8 gives the prototype a new hidden class for each of
 * the first 1,020 before it turns it into a dictionary, as it must for so many: about 30 ms of a
 * single page's start-up. Made a dictionary first, by adding two properties and deleting the
 * first, the prototype gets the same properties in the same order in a tenth of the time.
 */
const STYLE_PROPERTIES_IMPL = /node_modules\/jsdom\/lib\/jsdom\/living\/css\/CSSStyleProperties-impl\.js$/;
const DEFINE_STYLE_PROPERTIES = 'Object.defineProperties(CSSStylePropertiesImpl.prototype, propertyDescriptors);';
const AS_DICTIONARY_FIRST = `{
  const prototype = CSSStylePropertiesImpl.prototype;
  prototype.cleanArticleFirst = 0;
  prototype.cleanArticleSecond = 0;
  delete prototype.cleanArticleFirst;
  delete prototype.cleanArticleSecond;
  Object.defineProperties(prototype, propertyDescriptors);
}`;
const stylePropertiesAsDictionary: esbuild.Plugin = {
  name: 'style-properties-as-dictionary',
  setup(build) {
    build.onLoad({ filter: STYLE_PROPERTIES_IMPL }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(DEFINE_STYLE_PROPERTIES)) throw new Error(`${args.path} no longer defines its properties as src/tools/bundle-start-up.ts expects`);
      return { contents: text.replace(DEFINE_STYLE_PROPERTIES, AS_DICTIONARY_FIRST), loader: 'js' };
    });
  },
};

/**
 * jsdom builds css-tree's grammar a second time, with CSS syntax patches, when it loads; most
 * pages never parse CSS. Its modules get a stand-in that loads that module on first use.
 */
const patchedCssTreeOnFirstUse = standInForJsdom('patched-css-tree-on-first-use', /(^|\/)patched-csstree(\.js)?$/, () => 'patched-csstree-on-first-use.cjs');

/** In the order esbuild is to try them, before the bundle's other plugins. */
export const START_UP_PLUGINS: esbuild.Plugin[] = [undiciOnFirstUseForJsdom, oneCssTree, stylePropertiesAsDictionary, patchedCssTreeOnFirstUse];
