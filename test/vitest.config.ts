import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Two projects: `unit` (node: geometry, states, content, i18n, data) and `browser`
 * (builds the site, serves dist/ on 127.0.0.1 and drives Debian's Chromium through
 * playwright-core). `npm test` runs both after `astro check`.
 */
export default defineConfig({
  root,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/setup/global.ts'],
          testTimeout: 60_000,
          // Pages load slower while two Chromiums share two cores: polls wait up to 10 s.
          expect: { poll: { timeout: 10_000, interval: 100 } },
          hookTimeout: 180_000,
          // One Chromium per file; three files at a time keep two cores busy while pages wait.
          maxWorkers: 3,
        },
      },
    ],
  },
});
