import { runService } from '@sophia/kit';
import { loadProjectConfig } from './env.ts';
import { createProjectSubgraph } from './subgraph.ts';

await runService('project', async () => {
  const config = loadProjectConfig();
  return { service: await createProjectSubgraph(config), port: config.PORT, host: config.HOST };
});
