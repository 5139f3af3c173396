// What jsdom takes from undici, for the worker bundle only (src/tools/bundle-start-up.ts). jsdom
// loads all of undici when it loads (to fetch subresources, XHR and WebSocket), which costs a
// single page about 40 ms of its start-up; our documents never fetch anything. Here jsdom gets
// undici's two small base classes it extends when it loads, and everything else from undici
// itself on first use, so jsdom behaves as before if it ever does fetch.
'use strict';

const Dispatcher = require('undici/lib/dispatcher/dispatcher.js');
const DecoratorHandler = require('undici/lib/handler/decorator-handler.js');

const undici = () => require('undici');

/** undici's global dispatcher, looked up when jsdom first uses it rather than when it starts. */
class GlobalDispatcherOnFirstUse extends Dispatcher {
  dispatch(options, handler) {
    return undici().getGlobalDispatcher().dispatch(options, handler);
  }
  close(...args) {
    return undici()
      .getGlobalDispatcher()
      .close(...args);
  }
  destroy(...args) {
    return undici()
      .getGlobalDispatcher()
      .destroy(...args);
  }
  get closed() {
    return undici().getGlobalDispatcher().closed;
  }
  get destroyed() {
    return undici().getGlobalDispatcher().destroyed;
  }
}

/** undici's WebSocket, loaded when a page's script opens one: `new` gives the object returned. */
function WebSocket(url, options) {
  const RealWebSocket = undici().WebSocket;
  return new RealWebSocket(url, options);
}

module.exports = {
  Dispatcher,
  DecoratorHandler,
  WebSocket,
  getGlobalDispatcher: () => new GlobalDispatcherOnFirstUse(),
};
