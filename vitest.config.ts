// Vitest settings: tests run several large corpora on a 2-core CI machine, so
// the per-test timeout is generous; speed is measured by `npm run bench`, not here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
