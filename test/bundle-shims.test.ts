// test/bundle-shims.test.ts
// The stand-ins the worker bundle gives jsdom (src/tools/shims/, src/tools/bundle-start-up.ts):
// loading them loads only what jsdom needs as it loads, and what it uses later still reaches
// the real modules.

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const forJsdom = require('../src/tools/shims/undici-for-jsdom.cjs');
const unwrapShim = require('../src/tools/shims/undici-unwrap-handler.cjs');
const cssTreeShim = require('../src/tools/shims/patched-csstree-on-first-use.cjs');
const PATCHED_CSS_TREE = 'jsdom/lib/jsdom/living/css/helpers/patched-csstree.js';

const loaded = (path: string): boolean => Object.keys(require.cache).some((file) => file.endsWith(path));

describe('undici stand-ins for jsdom', () => {
  it('give undici’s own base classes and load neither undici’s index nor its core utilities', () => {
    expect(forJsdom.Dispatcher).toBe(require('undici/lib/dispatcher/dispatcher.js'));
    expect(forJsdom.DecoratorHandler).toBe(require('undici/lib/handler/decorator-handler.js'));
    expect(loaded('/undici/index.js')).toBe(false);
    expect(loaded('/undici/lib/core/util.js')).toBe(false);
  });

  it('forward the global dispatcher’s state and calls to undici’s global dispatcher', () => {
    const dispatcher = forJsdom.getGlobalDispatcher();
    expect(dispatcher).toBeInstanceOf(forJsdom.Dispatcher);
    const real = require('undici').getGlobalDispatcher();
    expect(dispatcher.closed).toBe(real.closed);
    expect(dispatcher.destroyed).toBe(real.destroyed);
    // A bad request is refused by undici's own dispatcher, the proof the call reached it.
    expect(() => dispatcher.dispatch({}, {})).toThrow(/origin/);
  });

  it('unwrap a handler with undici’s UnwrapHandler', () => {
    // A handler of undici's newer kind, which UnwrapHandler wraps for the older calls.
    const handler = { onRequestStart() {}, onResponseStart() {}, onResponseData() {}, onResponseEnd() {}, onResponseError() {} };
    const RealUnwrap = require('undici/lib/handler/unwrap-handler.js');
    expect(unwrapShim.unwrap(handler)).toEqual(RealUnwrap.unwrap(handler));
    expect(unwrapShim.unwrap(handler)).toBeInstanceOf(RealUnwrap);
  });

  it('open a WebSocket with undici’s WebSocket', () => {
    const socket = new forJsdom.WebSocket('ws://127.0.0.1:9/', {});
    socket.addEventListener('error', () => {});
    expect(socket).toBeInstanceOf(require('undici').WebSocket);
    socket.close();
  });
});

describe('patched css-tree stand-in for jsdom', () => {
  it('loads jsdom’s patched css-tree on first use only, then answers with its own values', () => {
    expect(loaded(`/${PATCHED_CSS_TREE}`)).toBe(false);
    const parse = cssTreeShim.parse;
    expect(loaded(`/${PATCHED_CSS_TREE}`)).toBe(true);
    const real = require(PATCHED_CSS_TREE);
    expect(parse).toBe(real.parse);
    for (const key of ['parse', 'generate', 'walk', 'lexer', 'string', 'ident', 'fork']) expect(cssTreeShim[key]).toBe(real[key]);
    expect('parse' in cssTreeShim).toBe(true);
    expect(Reflect.ownKeys(cssTreeShim)).toEqual(Reflect.ownKeys(real));
  });

  it('parses and prints a declaration list as jsdom’s patched css-tree does', () => {
    const real = require(PATCHED_CSS_TREE);
    const css = 'display: none; color: rgb(0 0 0 / 50%)';
    const options = { context: 'declarationList', parseValue: true };
    expect(cssTreeShim.generate(cssTreeShim.parse(css, options))).toBe(real.generate(real.parse(css, options)));
  });
});
