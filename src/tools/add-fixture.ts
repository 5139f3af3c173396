// src/tools/add-fixture.ts
// `npm run fixtures:add -- <topic>--<case> <file|url> [--url ORIGINAL]`
// Saves the raw bytes as fixtures/<slug>/source.<ext>, writes case.json, and writes the current
// output to expected.draft.json. It never writes expected.json: a person reads the draft, corrects
// it to what the article really is, keeps the fields worth pinning and renames it. Until then the
// fixture test fails, so an unreviewed baseline can never pass.

import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readInput } from '../input/index.js';
import { resolveFetchOptions } from '../input/limits.js';
import { cleanRaw } from '../pipeline.js';
import { toCleanError, formatError } from '../errors.js';

const SLUG = /^[a-z0-9-]+--[a-z0-9-]+$/;

async function main(args: string[]): Promise<number> {
  const [slug, input] = args;
  const urlFlag = args.indexOf('--url');
  const url = urlFlag >= 0 ? args[urlFlag + 1] : undefined;
  if (!slug || !input || !SLUG.test(slug)) {
    process.stderr.write('usage: npm run fixtures:add -- <topic>--<case> <file|url> [--url ORIGINAL]\n');
    return 2;
  }
  const dir = join('fixtures', slug);
  if (existsSync(dir)) {
    process.stderr.write(`fixtures/${slug} already exists\n`);
    return 2;
  }
  const raw = await readInput(input, resolveFetchOptions({}));
  const ext = /\.txt$/i.test(input) ? 'txt' : 'html';
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `source.${ext}`), raw.bytes);
  const caseJson = { url: url ?? raw.url ?? undefined, contentType: raw.contentType ?? undefined, note: 'TODO: what this case shows' };
  await writeFile(join(dir, 'case.json'), `${JSON.stringify(caseJson, null, 2)}\n`);
  const article = cleanRaw({ ...raw, source: slug }, { url: caseJson.url });
  const { html: _html, blocks: _blocks, ...draft } = article;
  await writeFile(join(dir, 'expected.draft.json'), `${JSON.stringify(draft, null, 2)}\n`);
  process.stderr.write(`wrote ${dir}/: review expected.draft.json, fix it, then rename it to expected.json\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${formatError(toCleanError(error))}\n`);
    process.exit(1);
  },
);
