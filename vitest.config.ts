import { defineConfig } from 'vitest/config';

/**
 * Five projects, run in this order by `npm test`:
 * - unit: pure code beside its source (`src/**\/*.test.ts`).
 * - subgraph: each subgraph built in-process over real DuckDB, driven over real HTTP on port 0.
 * - integration: every service as its own process on free ports, queried through the gateway.
 * - web: the dashboard's components (web/vitest.config.ts).
 * - e2e: the built dashboard in chromium against a running stack (tests/e2e).
 */
export default defineConfig({
  resolve: {
    // Apollo's federation packages are CommonJS and require graphql's CJS build; Vite would otherwise load
    // the ESM build beside it and graphql-js refuses types from "another module or realm".
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{gateway,ops,subgraphs/*}/src/**/*.test.ts'],
          pool: 'forks',
          // Pure code: no file changes a module or global another reads, so each worker imports the shared
          // modules once instead of once per file (80 s to 12 s here; the imports were nearly all of it).
          isolate: false,
          // Run before the subgraph project (which runs more files at a time), as vitest requires.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'subgraph',
          include: [
            'subgraphs/*/tests/**/*.test.ts',
            'gateway/tests/**/*.test.ts',
            'ops/tests/**/*.test.ts',
            'tests/fakes/**/*.test.ts',
          ],
          pool: 'forks',
          // Two files at a time even on two cores (the default is cores - 1): these mostly wait on servers,
          // child processes and DuckDB, and two at a time took 72 s where one took 108 s for the memory, kpi,
          // project and sales tests here.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      // web: the dashboard's components in happy-dom against a fixture urql client (web/vitest.config.ts).
      'web/vitest.config.ts',
      {
        extends: true,
        test: {
          // e2e: the built dashboard served by the gateway of a running stack, driven by chromium.
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
