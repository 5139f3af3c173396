import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // jsdom is heavy; two forks match the two cores of our machines and CI.
    pool: 'forks',
  },
});
