import {
  createLogger,
  createRedisFeedTransport,
  createSubgraph,
  loadSchemaFile,
  serviceSecurityOf,
  type Feed,
  type Logger,
  type Subgraph,
} from '@sophia/kit';
import type { DealChange } from '@sophia/domain';
import type { SalesContext } from './context.ts';
import { createDealChangeFeed } from './deal-change-feed.ts';
import { createDealChangesRoutes } from './deal-changes-route.ts';
import { DealStageFeed } from './deal-stage-feed.ts';
import type { SalesConfig } from './env.ts';
import { createSalesLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { SalesStore } from './store.ts';

export interface SalesSubgraphOptions {
  /** @default a pino logger at the configured LOG_LEVEL */
  readonly logger?: Logger;
  /** @default the `deal-changed` feed on Redis with REDIS_URL, else this process's (tests share one with kpi) */
  readonly dealChanges?: Feed<DealChange>;
}

/** Where every sales replica publishes and hears deal stage changes when REDIS_URL is set. */
const STAGE_CHANNEL = 'sophia:sales:deal-stage-changed';

/** The sales subgraph, built but not listening: accounts, deals, the pipeline and the forecast. */
export async function createSalesSubgraph(
  config: SalesConfig,
  options: SalesSubgraphOptions = {},
): Promise<Subgraph> {
  const store = await SalesStore.open(config);
  const logger = options.logger ?? createLogger('sales', config.LOG_LEVEL);
  const stageChanges = new DealStageFeed({
    ...(config.REDIS_URL
      ? { transport: createRedisFeedTransport({ url: config.REDIS_URL, channel: STAGE_CHANNEL }) }
      : {}),
    onError: (error) => logger.error({ err: error }, 'A deal stage change could not be published.'),
  });
  const dealChanges =
    options.dealChanges ??
    createDealChangeFeed(config.REDIS_URL, (error) =>
      logger.error({ err: error }, 'A deal change could not be published; kpi catches up from the outbox.'),
    );
  const closeAll = async () => {
    await stageChanges.close();
    if (!options.dealChanges) await dealChanges.close();
    await store.close();
  };
  const security = serviceSecurityOf(config);
  try {
    await stageChanges.start();
    return await createSubgraph<SalesContext>({
      name: 'sales',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      ...security,
      routes: createDealChangesRoutes({ store, internalTokenSecret: security.internalTokenSecret }),
      createContext: (base) => ({
        ...base,
        store,
        stageChanges,
        dealChanges,
        loaders: createSalesLoaders(store),
      }),
      onClose: closeAll,
      logger,
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
}
