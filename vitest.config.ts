// Vitest settings: tests run several large corpora on a 2-core CI machine, so
// the per-test timeout is generous; speed is measured by `npm run bench`, not here.
// Two projects: `slow` holds the equivalence suites (incremental, cached, worker
// and killed runs compared with full ones) and the browser test, which take most
// of the time; `fast` holds everything else. `npm test` runs both;
// `npm run test:fast` (`vitest run --project fast`) only the fast one.
import { configDefaults, defineConfig } from 'vitest/config';

/** The slowest files of a full run (measured with `npx vitest run --reporter=verbose`). */
const SLOW = [
  'tests/incremental.test.ts',
  'tests/recheck.test.ts',
  'tests/ledger-kill.test.ts',
  'tests/reliability.test.ts',
  'tests/scale.test.ts',
  'tests/dask.test.ts',
  'tests/browser/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'fast', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
