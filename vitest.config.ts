import { defineConfig } from 'vitest/config';

/**
 * Three projects, run in this order by `npm test`:
 * - unit: pure code beside its source (`src/**\/*.test.ts`).
 * - subgraph: each subgraph built in-process over real DuckDB, driven over real HTTP on port 0.
 * - integration: every service as its own process on free ports, queried through the gateway.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{gateway,ops,subgraphs/*}/src/**/*.test.ts'],
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'subgraph',
          include: ['subgraphs/*/tests/**/*.test.ts', 'gateway/tests/**/*.test.ts', 'ops/tests/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
