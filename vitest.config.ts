import { defineConfig } from 'vitest/config';

// Database tests run on the embedded database always, and again on a PostgreSQL server
// when DATABASE_URL is set (CI sets it). Pure unit tests (*.unit.test.ts) run once.
const hasPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'pglite',
          include: [
            'common/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'server/test/**/*.test.ts',
            'web/src/**/*.unit.test.ts',
          ],
          env: { TEST_DATABASE: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(hasPostgres
        ? [
            {
              test: {
                name: 'postgres',
                include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
                exclude: ['**/*.unit.test.ts', '**/node_modules/**'],
                env: { TEST_DATABASE: 'postgres' },
                globalSetup: ['server/test/postgres-template.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
