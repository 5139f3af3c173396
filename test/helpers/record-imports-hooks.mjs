// test/helpers/record-imports-hooks.mjs
// Module customization hooks (see record-imports.mjs). Writes synchronously, so the log is
// complete even when the process ends with process.exit().

import { appendFileSync } from 'node:fs';

let logFile;

export async function initialize(data) {
  logFile = data?.logFile;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (logFile) appendFileSync(logFile, `${result.url}\n`);
  return result;
}
