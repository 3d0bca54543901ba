import {
  createLogger,
  createSubgraph,
  loadSchemaFile,
  serviceSecurityOf,
  type Logger,
  type Subgraph,
} from '@sophia/kit';
import { createKeyLookupRoutes } from './api-keys/key-lookup-route.ts';
import type { ProjectContext } from './context.ts';
import type { ProjectConfig } from './env.ts';
import { createProjectLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { ProjectStore } from './store.ts';

export interface ProjectSubgraphOptions {
  /** @default an info-level logger at the configured LOG_LEVEL */
  readonly logger?: Logger;
}

/** The project subgraph (directory, projects, OKRs), built without binding a port. */
export async function createProjectSubgraph(
  config: ProjectConfig,
  options: ProjectSubgraphOptions = {},
): Promise<Subgraph> {
  const store = await ProjectStore.open(config);
  const security = serviceSecurityOf(config);
  const apiKeys = { store: store.apiKeys, pepper: config.API_KEY_PEPPER, now: Date.now };
  try {
    return await createSubgraph<ProjectContext>({
      name: 'project',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      ...security,
      routes: createKeyLookupRoutes({
        store: apiKeys.store,
        internalTokenSecret: security.internalTokenSecret,
      }),
      createContext: (base) => ({ ...base, store, loaders: createProjectLoaders(store), apiKeys }),
      onClose: () => store.close(),
      logger: options.logger ?? createLogger('project', config.LOG_LEVEL),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}
