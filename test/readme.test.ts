// test/readme.test.ts
// The README is what a new user runs: its error table names every error code, and the filter
// names its examples pass to --no-filter exist (a wrong one is a usage error, exit 2).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors.js';
import { FILTER_NAMES } from '../src/filters/index.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('README', () => {
  it('its error table has a row for every error code', () => {
    const rows = new Set([...README.matchAll(/^\| `(E_[A-Z_]+)`/gm)].map((match) => match[1]));
    expect(ERROR_CODES.filter((code) => !rows.has(code))).toEqual([]);
  });

  // Issue 12 audit: the comma-list example named "bylines", so running it exited 2.
  it('every filter its examples pass to --no-filter exists', () => {
    const given = [...README.matchAll(/--no-filter[ =]([a-z][a-z,-]*)/g)].flatMap((match) => match[1]!.split(','));
    expect(given.length).toBeGreaterThan(2);
    expect(given.filter((name) => name !== 'all' && !FILTER_NAMES.includes(name))).toEqual([]);
  });
});
