import { runService } from '@sophia/kit';
import { loadKpiConfig } from './env.ts';
import { createKpiSubgraph } from './subgraph.ts';

await runService('kpi', async () => {
  const config = loadKpiConfig();
  return { service: await createKpiSubgraph(config), port: config.PORT, host: config.HOST };
});
