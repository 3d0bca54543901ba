import {
  createLogger,
  createSubgraph,
  loadSchemaFile,
  serviceSecurityOf,
  type Logger,
  type Subgraph,
} from '@sophia/kit';
import type { KpiContext } from './context.ts';
import type { KpiConfig } from './env.ts';
import { createKpiLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { KpiStore } from './store.ts';

export interface KpiSubgraph extends Subgraph {
  /** The store, for tests that compare against the facts it holds. */
  readonly store: KpiStore;
}

/** Builds the kpi subgraph over its store, without binding a port. */
export async function createKpiSubgraph(
  config: KpiConfig,
  options: { logger?: Logger } = {},
): Promise<KpiSubgraph> {
  const store = await KpiStore.open(config);
  try {
    const subgraph = await createSubgraph<KpiContext>({
      name: 'kpi',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      ...serviceSecurityOf(config),
      logger: options.logger ?? createLogger('kpi', config.LOG_LEVEL),
      createContext: (base) => ({ ...base, store, loaders: createKpiLoaders(store, base.viewer) }),
      onClose: () => store.close(),
    });
    return { ...subgraph, store };
  } catch (error) {
    await store.close();
    throw error;
  }
}
