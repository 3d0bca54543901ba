import { runService } from '@sophia/kit';
import { loadMemoryConfig } from './env.ts';
import { createMemorySubgraph } from './subgraph.ts';

await runService('memory', async () => {
  const config = loadMemoryConfig();
  return { service: await createMemorySubgraph(config), port: config.PORT, host: config.HOST };
});
