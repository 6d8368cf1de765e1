import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Real SQLite files, real sharp and real browsers: two cores are plenty for two workers.
    maxWorkers: 2,
  },
});
