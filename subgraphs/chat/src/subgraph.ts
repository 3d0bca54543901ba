import { createLogger, createSubgraph, loadSchemaFile, type Logger, type Subgraph } from '@sophia/kit';
import type { ChatContext } from './context.ts';
import type { ChatConfig } from './env.ts';
import { createChatLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { ChatStore } from './store.ts';

export interface ChatSubgraph extends Subgraph {
  /** The store, for the chat pipeline and for tests that set up conversations. */
  readonly store: ChatStore;
}

/** Builds the chat subgraph over its store, without binding a port. */
export async function createChatSubgraph(
  config: ChatConfig,
  options: { logger?: Logger } = {},
): Promise<ChatSubgraph> {
  const store = await ChatStore.open(config);
  try {
    const subgraph = await createSubgraph<ChatContext>({
      name: 'chat',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      internalTokenSecret: config.INTERNAL_TOKEN_SECRET,
      logger: options.logger ?? createLogger('chat', config.LOG_LEVEL),
      createContext: (base) => ({ ...base, store, loaders: createChatLoaders(store, base.viewer) }),
      onClose: () => store.close(),
    });
    return { ...subgraph, store };
  } catch (error) {
    await store.close();
    throw error;
  }
}
