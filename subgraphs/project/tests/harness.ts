import { createLogger } from '@sophia/kit';
import { startSubgraph, tempDataDir, TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import { generateCompany, type Company } from '@sophia/ops';
import { seedDemo } from '@sophia/ops/seed';
import { startStoreBackend } from '../../kit/tests/store-contract-backends.ts';
import type { Dialect } from '../../kit/src/store/sql-database.ts';
import { loadProjectConfig } from '../src/env.ts';
import { createProjectSubgraph } from '../src/subgraph.ts';

/** The demo company the subgraph loads, rebuilt here so tests compare against the generator itself. */
export const company: Company = generateCompany({ anchor: TEST_ANCHOR });

export const newDataDir = (): string => tempDataDir('project');

/**
 * The project subgraph on a free port over a data directory, anchored to TEST_ANCHOR unless told otherwise;
 * `env` adds variables (the SNOWFLAKE_* of a store backend put the store on the FAKE Snowflake).
 */
export async function startProject(
  dataDir: string,
  anchor = TEST_ANCHOR,
  env: Readonly<Record<string, string>> = {},
): Promise<RunningSubgraph> {
  const config = loadProjectConfig({
    SOPHIA_DATA_DIR: dataDir,
    SOPHIA_DEMO_ANCHOR: anchor,
    LOG_LEVEL: 'silent',
    ...env,
  });
  await seedDemo({ dataDir: config.SOPHIA_DATA_DIR, anchor, only: ['project'], snowflake: config });
  return startSubgraph(await createProjectSubgraph(config, { logger: createLogger('project', 'silent') }));
}

/** The project subgraph on a fresh, demo-seeded store of `dialect`; closing it removes the store too. */
export async function startProjectOn(dialect: Dialect): Promise<RunningSubgraph> {
  const backend = await startStoreBackend(dialect);
  const running = await startProject(backend.env['SOPHIA_DATA_DIR']!, TEST_ANCHOR, backend.env);
  return {
    ...running,
    close: async () => {
      await running.close();
      await backend.close();
    },
  };
}

export { dataOf } from '@sophia/kit/testing';

export const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
