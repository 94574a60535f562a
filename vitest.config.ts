import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: the sandbox tests measure CPU shares, so keep test files from crowding each other.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
