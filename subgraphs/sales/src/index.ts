import { runService } from '@sophia/kit';
import { loadSalesConfig } from './env.ts';
import { createSalesSubgraph } from './subgraph.ts';

await runService('sales', async () => {
  const config = loadSalesConfig();
  return { service: await createSalesSubgraph(config), port: config.PORT, host: config.HOST };
});
