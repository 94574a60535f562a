import { defineConfig } from 'vitest/config';

// The image tests (test/image): a Docker build and containers. Run after the main suite, one file at a
// time, so the build's compile does not share the two cores with the sandbox tests' CPU measurements.
export default defineConfig({
  test: {
    include: ['test/image/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    env: { LOG_LEVEL: 'silent' },
  },
});
