// undici's UnwrapHandler for the worker bundle's jsdom, loaded on first use: its module loads
// undici's core utilities, with node:http and node:net (see undici-for-jsdom.cjs).
'use strict';

module.exports = {
  unwrap: (handler) => require('undici/lib/handler/unwrap-handler.js').unwrap(handler),
};
