import {
  createLogger,
  createServiceMetrics,
  createSubgraph,
  loadSchemaFile,
  serviceSecurityOf,
  type Logger,
  type Subgraph,
} from '@sophia/kit';
import type { MemoryContext } from './context.ts';
import type { MemoryConfig } from './env.ts';
import { DocumentIngestor } from './ingest/document-ingestor.ts';
import { createIngestFeed } from './ingest/ingest-feed.ts';
import { createMemoryLoaders } from './loaders.ts';
import { openMemoryService, type MemoryService } from './memory-service.ts';
import { resolvers } from './resolvers/index.ts';

/** Builds the memory subgraph over its three tiers, without binding a port. */
export async function createMemorySubgraph(
  config: MemoryConfig,
  options: { logger?: Logger; onService?: (service: MemoryService) => void } = {},
): Promise<Subgraph> {
  const logger = options.logger ?? createLogger('memory', config.LOG_LEVEL);
  // Created here so the embedder and the cache register their metrics on the service's own registry.
  const metrics = createServiceMetrics('memory');
  const service = await openMemoryService(config, { registry: metrics.registry, log: logger });
  options.onService?.(service);
  const { store } = service;
  const feed = createIngestFeed(config.REDIS_URL, (error) =>
    logger.error({ err: error }, 'An ingest job update could not be published.'),
  );
  const ingestor = new DocumentIngestor(
    service,
    logger,
    {
      maxBytes: config.MEMORY_INGEST_MAX_BYTES,
      maxChunks: config.MEMORY_INGEST_MAX_CHUNKS,
      maxJobsPerUser: config.MEMORY_INGEST_MAX_JOBS_PER_USER,
    },
    feed,
  );
  try {
    await feed.start();
    const subgraph = await createSubgraph<MemoryContext>({
      name: 'memory',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      ...serviceSecurityOf(config),
      logger,
      metrics,
      createContext: (base) => ({
        ...base,
        store,
        memory: service,
        ingestor,
        loaders: createMemoryLoaders(service, base.viewer),
      }),
      onClose: async () => {
        await ingestor.close();
        await feed.close();
        await service.close();
      },
    });
    await ingestor.resumeUnfinished();
    return subgraph;
  } catch (error) {
    await feed.close();
    await service.close();
    throw error;
  }
}
