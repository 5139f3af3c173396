import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Time limits here are hang guards, never measurements: a busy machine may run the suite
    // several times slower, and no verdict may depend on that (speed is `npm run bench`).
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // jsdom is heavy; two forks match the two cores of our machines and CI. Vitest's default is
    // one fewer than the cores (one, here), which ran the suite file after file.
    pool: 'forks',
    maxWorkers: 2,
  },
});
