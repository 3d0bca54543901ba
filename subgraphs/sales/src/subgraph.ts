import {
  createLogger,
  createSubgraph,
  loadSchemaFile,
  serviceSecurityOf,
  type Logger,
  type Subgraph,
} from '@sophia/kit';
import type { SalesContext } from './context.ts';
import { DealStageFeed } from './deal-stage-feed.ts';
import type { SalesConfig } from './env.ts';
import { createSalesLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { SalesStore } from './store.ts';

export interface SalesSubgraphOptions {
  /** @default a pino logger at the configured LOG_LEVEL */
  readonly logger?: Logger;
}

/** The sales subgraph, built but not listening: accounts, deals, the pipeline and the forecast. */
export async function createSalesSubgraph(
  config: SalesConfig,
  options: SalesSubgraphOptions = {},
): Promise<Subgraph> {
  const store = await SalesStore.open(config);
  const stageChanges = new DealStageFeed();
  try {
    return await createSubgraph<SalesContext>({
      name: 'sales',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      ...serviceSecurityOf(config),
      createContext: (base) => ({ ...base, store, stageChanges, loaders: createSalesLoaders(store) }),
      onClose: () => store.close(),
      logger: options.logger ?? createLogger('sales', config.LOG_LEVEL),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}
