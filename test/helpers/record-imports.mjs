// test/helpers/record-imports.mjs
// Preloaded with `node --import`: registers a module resolve hook that appends every resolved
// module URL to the file named by RECORD_IMPORTS_LOG. test/startup.test.ts reads that log.

import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { logFile: process.env.RECORD_IMPORTS_LOG } });
