import { defineConfig } from 'vitest/config';

/**
 * Three projects: pure unit tests once, and every database and end-to-end test twice, on SQLite and on
 * PostgreSQL (TERRAIN_TEST_POSTGRES_URL, default the local server; skipped with a reason where none is
 * reachable, and a failure instead when TERRAIN_REQUIRE_POSTGRES=1, as in CI).
 */
const dbTests = ['test/db/**/*.test.ts', 'test/e2e/**/*.test.ts'];
const harnessTests = ['test/e2e/fake-slack.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', ...harnessTests] } },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: dbTests,
          exclude: harnessTests,
          env: { TERRAIN_TEST_DIALECT: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: dbTests,
          exclude: harnessTests,
          env: { TERRAIN_TEST_DIALECT: 'postgres' },
          globalSetup: ['test/support/postgres-setup.ts'],
        },
      },
    ],
  },
});
