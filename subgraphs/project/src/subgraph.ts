import {
  createLogger,
  createSubgraph,
  loadSchemaFile,
  serviceSecurityOf,
  type Logger,
  type Subgraph,
} from '@sophia/kit';
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
  try {
    return await createSubgraph<ProjectContext>({
      name: 'project',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      ...serviceSecurityOf(config),
      createContext: (base) => ({ ...base, store, loaders: createProjectLoaders(store) }),
      onClose: () => store.close(),
      logger: options.logger ?? createLogger('project', config.LOG_LEVEL),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}
