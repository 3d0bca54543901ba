import { runService } from '@sophia/kit';
import { loadChatConfig } from './env.ts';
import { createChatSubgraph } from './subgraph.ts';

await runService('chat', async () => {
  const config = loadChatConfig();
  return { service: await createChatSubgraph(config), port: config.PORT, host: config.HOST };
});
