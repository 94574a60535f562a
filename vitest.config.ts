import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The image tests run after this suite, alone (vitest.image.config.ts): a Docker build beside the
    // sandbox tests would skew their CPU measurements.
    exclude: ['test/image/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: the sandbox tests measure CPU shares, so keep test files from crowding each other.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
