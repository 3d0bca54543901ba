import {
  createLogger,
  createServiceMetrics,
  createSubgraph,
  Feed,
  feedOptionsFor,
  loadSchemaFile,
  serviceSecurityOf,
  type Logger,
  type Subgraph,
} from '@sophia/kit';
import { DEAL_CHANGED_CHANNEL } from '@sophia/domain';
import type { KpiContext } from './context.ts';
import { dealChangeMetrics } from './deal-change-metrics.ts';
import { DealChangeSync } from './deal-change-sync.ts';
import type { KpiConfig } from './env.ts';
import { createKpiLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { salesDealChanges } from './sales-deal-changes.ts';
import { KpiStore } from './store.ts';

export interface KpiSubgraph extends Subgraph {
  /** The store, for tests that compare against the facts it holds. */
  readonly store: KpiStore;
  /** Applies sales' deal changes to the facts (tests call `catchUp` to wait for it). */
  readonly dealChanges: DealChangeSync;
}

export interface KpiSubgraphOptions {
  /** @default a pino logger at the configured LOG_LEVEL */
  readonly logger?: Logger;
  /** @default the `deal-changed` feed on Redis with REDIS_URL; none otherwise (tests share sales' in-process one) */
  readonly dealChangeFeed?: Feed<unknown>;
}

/** Builds the kpi subgraph over its store, without binding a port; deal changes are applied from the start. */
export async function createKpiSubgraph(
  config: KpiConfig,
  options: KpiSubgraphOptions = {},
): Promise<KpiSubgraph> {
  const logger = options.logger ?? createLogger('kpi', config.LOG_LEVEL);
  // Created here so the deal-change metrics register on the service's own registry.
  const metrics = createServiceMetrics('kpi');
  const security = serviceSecurityOf(config);
  const store = await KpiStore.open(config);
  const ownFeed =
    !options.dealChangeFeed && config.REDIS_URL
      ? new Feed<unknown>(
          feedOptionsFor(config.REDIS_URL, DEAL_CHANGED_CHANNEL, (error) =>
            logger.error({ err: error }, 'The deal-changed feed failed; the catch-up makes up for it.'),
          ),
        )
      : undefined;
  const dealChanges = new DealChangeSync({
    store,
    feed: options.dealChangeFeed ?? ownFeed,
    source: config.SOPHIA_SALES_URL
      ? salesDealChanges(config.SOPHIA_SALES_URL, security.internalTokenSecret)
      : undefined,
    catchUpMs: config.DEAL_CHANGES_CATCH_UP_SECONDS * 1_000,
    logger,
    metrics: dealChangeMetrics(metrics.registry),
  });
  if (!config.SOPHIA_SALES_URL) {
    logger.warn('SOPHIA_SALES_URL is unset: deal changes the live feed misses are never caught up.');
  }
  const closeAll = async () => {
    await dealChanges.close();
    await ownFeed?.close();
    await store.close();
  };
  try {
    await dealChanges.start();
    const subgraph = await createSubgraph<KpiContext>({
      name: 'kpi',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      ...security,
      logger,
      metrics,
      createContext: (base) => ({ ...base, store, loaders: createKpiLoaders(store, base.viewer) }),
      onClose: closeAll,
    });
    return { ...subgraph, store, dealChanges };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
