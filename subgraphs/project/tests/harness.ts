import { createLogger } from '@sophia/kit';
import { startSubgraph, tempDataDir, TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import { generateCompany, type Company } from '@sophia/ops';
import { seedDemo } from '@sophia/ops/seed';
import { loadProjectConfig } from '../src/env.ts';
import { createProjectSubgraph } from '../src/subgraph.ts';

/** The demo company the subgraph loads, rebuilt here so tests compare against the generator itself. */
export const company: Company = generateCompany({ anchor: TEST_ANCHOR });

export const newDataDir = (): string => tempDataDir('project');

/** The project subgraph on a free port over a data directory, anchored to TEST_ANCHOR unless told otherwise. */
export async function startProject(dataDir: string, anchor = TEST_ANCHOR): Promise<RunningSubgraph> {
  await seedDemo({ dataDir, anchor, only: ['project'] });
  const config = loadProjectConfig({
    SOPHIA_DATA_DIR: dataDir,
    SOPHIA_DEMO_ANCHOR: anchor,
    LOG_LEVEL: 'silent',
  });
  return startSubgraph(await createProjectSubgraph(config, { logger: createLogger('project', 'silent') }));
}

export { dataOf } from '@sophia/kit/testing';

export const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
