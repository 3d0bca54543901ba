import type { SubgraphContext } from '@sophia/kit';
import type { DocumentIngestor } from './ingest/document-ingestor.ts';
import type { MemoryLoaders } from './loaders.ts';
import type { MemoryService } from './memory-service.ts';
import type { MemoryStore } from './store.ts';

export interface MemoryContext extends SubgraphContext {
  readonly store: MemoryStore;
  readonly memory: MemoryService;
  readonly loaders: MemoryLoaders;
  readonly ingestor: DocumentIngestor;
}
