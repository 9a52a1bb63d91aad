import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The CLI speaks Ukrainian under a uk locale; tests that expect English text run under C (test/i18n sets its own).
    env: { LC_ALL: 'C.UTF-8' },
  },
});
