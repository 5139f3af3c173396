// jsdom's css-tree with its CSS syntax patches, for the worker bundle only
// (src/tools/bundle-start-up.ts). jsdom makes it when it loads, building a second copy of
// css-tree's grammar of all CSS: 15-25 ms of a single page's start-up, which two pages in three
// never use (the rest parse a style attribute or a style sheet). Here the same module is loaded
// on first use, and this object answers for it.
'use strict';

let patched;
const patchedCssTree = () => {
  patched ??= require('jsdom/lib/jsdom/living/css/helpers/patched-csstree.js');
  return patched;
};

module.exports = new Proxy(
  {},
  {
    get: (_target, key) => patchedCssTree()[key],
    has: (_target, key) => key in patchedCssTree(),
    ownKeys: () => Reflect.ownKeys(patchedCssTree()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(patchedCssTree(), key),
  },
);
