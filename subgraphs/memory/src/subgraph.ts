import { createLogger, createSubgraph, loadSchemaFile, type Logger, type Subgraph } from '@sophia/kit';
import type { MemoryContext } from './context.ts';
import type { MemoryConfig } from './env.ts';
import { createMemoryLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { MemoryStore } from './store.ts';

/** Builds the memory subgraph over its store, without binding a port. */
export async function createMemorySubgraph(
  config: MemoryConfig,
  options: { logger?: Logger } = {},
): Promise<Subgraph> {
  const store = await MemoryStore.open(config);
  try {
    return await createSubgraph<MemoryContext>({
      name: 'memory',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      internalTokenSecret: config.INTERNAL_TOKEN_SECRET,
      logger: options.logger ?? createLogger('memory', config.LOG_LEVEL),
      createContext: (base) => ({ ...base, store, loaders: createMemoryLoaders(store, base.viewer) }),
      onClose: () => store.close(),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}
