// test/undici-shims.test.ts
// The stand-ins the worker bundle gives jsdom for undici (src/tools/shims/): loading them loads
// only undici's two small base classes, and what jsdom would use later still reaches undici.

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const forJsdom = require('../src/tools/shims/undici-for-jsdom.cjs');
const unwrapShim = require('../src/tools/shims/undici-unwrap-handler.cjs');

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
