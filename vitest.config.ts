import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'out/**'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Bounds against a hung test, never measurements: `npm test` must pass while another
    // process keeps both cores busy, where a simulator or subprocess start takes seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: integration tests open real sockets and subprocesses.
    maxWorkers: 2,
  },
});
