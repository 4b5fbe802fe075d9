import { defineConfig } from 'vitest/config';

/**
 * Unit tests of the renderer's pure models (the root vitest config leaves src/renderer out).
 * Run: npx vitest run -c src/renderer/vitest.config.ts
 */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
