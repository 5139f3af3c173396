// src/cli/help-text.ts
// The part of --help after the options, as a man page has it: examples, exit status, the error
// codes a record or an error line can carry, and the environment the tool reads.

import { ERROR_CODES, type ErrorCode } from '../errors.js';

const EXAMPLES = [
  ['clean-article page.html', 'one saved page: article JSON on stdout'],
  ['clean-article page.html --url https://example.com/story -f markdown', "Markdown, links resolved against the page's address"],
  ['curl -s https://example.com/story | clean-article - -f text', 'a page on stdin, as plain text'],
  ['clean-article https://example.com/story --cache .cache', 'fetch a URL, keeping the response'],
  ['clean-article pages/ -o out/ --resume', 'a folder: one out/<path>.json a page, failures in out/errors.jsonl'],
  ['clean-article crawl.warc.gz | jq -r .title', 'every HTML response of a WARC file, as JSON Lines'],
  ['clean-article --urls urls.txt --shard 3/16 -j 4 -q', 'shard 3 of 16 of a URL list, for a cluster task'],
] as const;

const EXIT_STATUS = [
  ['0', 'every input was cleaned'],
  ['1', 'an input failed (in a batch: some did; each has its error record)'],
  ['2', 'usage error: a bad option or argument'],
  ['130', 'a batch interrupted by SIGINT or SIGTERM (finished records are kept)'],
  ['141', 'the reader closed the pipe (clean-article pages/ | head)'],
] as const;

/** A Record over ErrorCode, so a new code cannot be left out of the help. */
const ERROR_TEXT: Readonly<Record<ErrorCode, string>> = {
  E_INPUT: 'the input cannot be read (no such file, a folder without pages, a bad argument)',
  E_NOT_HTML: 'not a page: binary data, or a Content-Type that is no page type',
  E_EMPTY: 'nothing but whitespace',
  E_NO_ARTICLE: 'a page with no article text in it',
  E_HTTP_STATUS: 'the server answered with an error status',
  E_FETCH: 'the connection failed (DNS, refused, reset, TLS)',
  E_TIMEOUT: 'a URL or a batch page took longer than its limit',
  E_TOO_LARGE: 'a body over --max-bytes',
  E_REDIRECT: 'too many redirects, or a redirect loop',
  E_DECODE: 'a body that cannot be decompressed or decoded',
  E_WARC: 'part of a WARC file is cut off or corrupt',
  E_OUTPUT: 'the result could not be written (stdout full, a file under -o refused)',
  E_WORKER: 'a batch worker crashed or ran out of memory on the page',
  E_INTERNAL: 'a bug: please report it with the page',
};

const ENVIRONMENT = [
  ['HTTPS_PROXY, HTTP_PROXY, NO_PROXY', 'proxies for fetching URLs (lower-case forms too)'],
  ['NO_COLOR', 'honoured: the tool prints no colour in any case'],
  ['CLEAN_ARTICLE_NO_BUNDLE=1', "clean pages from the modules, not the build's worker bundle (slower start, same output)"],
] as const;

function table(rows: ReadonlyArray<readonly [string, string]>, indent = '  '): string {
  // Names too long for the column go on a line of their own, as man pages do.
  const width = Math.max(...rows.map(([name]) => name.length).filter((length) => length <= 16));
  return rows
    .map(([name, text]) => (name.length > width ? `${indent}${name}\n${indent}${' '.repeat(width)}  ${text}` : `${indent}${name.padEnd(width)}  ${text}`))
    .join('\n');
}

export function helpEpilogue(): string {
  const examples = EXAMPLES.map(([command, what]) => `  ${command}\n      ${what}`).join('\n');
  return [
    '',
    'Examples:',
    examples,
    '',
    'Exit status:',
    table(EXIT_STATUS),
    '',
    "Error codes (in the error line on stderr, or a batch's error record):",
    table(ERROR_CODES.map((code) => [code, ERROR_TEXT[code]] as const)),
    '',
    'Environment:',
    table(ENVIRONMENT),
    '',
    'Errors and logs go to stderr; stdout carries the records only.',
    '',
  ].join('\n');
}
