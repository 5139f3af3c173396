#!/usr/bin/env node
// Thin shim: all behaviour lives in the compiled CLI module.
import('../dist/cli/main.js').then((cli) => cli.main(process.argv));
