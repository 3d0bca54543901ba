import type { Registry } from 'prom-client';
import type { MemoryConfig } from '../env.ts';
import { createCortexProvider } from './cortex-provider.ts';
import { createEmbedder, type Embedder } from './embedder.ts';
import { createLocalProvider } from './local-provider.ts';
import { createOpenAiProvider } from './openai-provider.ts';
import type { EmbeddingProvider } from './provider.ts';
import { createTeiProvider } from './tei-provider.ts';

/** The provider `EMBEDDINGS_*` configures; env.ts has already checked that its URL and model are set. */
export function createEmbeddingProvider(config: MemoryConfig): EmbeddingProvider {
  const dimension = config.EMBEDDINGS_DIMENSION;
  const timeoutMs = config.EMBEDDINGS_TIMEOUT_MS;
  switch (config.EMBEDDINGS_PROVIDER) {
    case 'local':
      return createLocalProvider({
        dimension,
        ...(config.EMBEDDINGS_MODEL && { model: config.EMBEDDINGS_MODEL }),
      });
    case 'tei':
      return createTeiProvider({
        url: config.EMBEDDINGS_URL!,
        dimension,
        timeoutMs,
        maxBatch: config.EMBEDDINGS_MAX_BATCH,
        ...(config.EMBEDDINGS_MODEL && { model: config.EMBEDDINGS_MODEL }),
      });
    case 'openai':
      return createOpenAiProvider({
        url: config.EMBEDDINGS_URL!,
        model: config.EMBEDDINGS_MODEL!,
        apiKey: config.EMBEDDINGS_API_KEY,
        dimension,
        timeoutMs,
        maxBatch: config.EMBEDDINGS_MAX_BATCH,
      });
    case 'cortex':
      return createCortexProvider({
        snowflake: config,
        maxBatch: config.EMBEDDINGS_MAX_BATCH,
        ...(config.EMBEDDINGS_MODEL && { model: config.EMBEDDINGS_MODEL }),
      });
  }
}

/** The process-wide embedder the EMBEDDINGS_* variables configure, its metrics on `registry`. */
export function createConfiguredEmbedder(config: MemoryConfig, registry: Registry): Embedder {
  return createEmbedder(createEmbeddingProvider(config), {
    registry,
    batchWindowMs: config.EMBEDDINGS_BATCH_WINDOW_MS,
    batchMaxWaitMs: config.EMBEDDINGS_BATCH_MAX_WAIT_MS,
    maxBatch: config.EMBEDDINGS_MAX_BATCH,
    maxInFlight: config.EMBEDDINGS_MAX_IN_FLIGHT,
    retries: config.EMBEDDINGS_RETRIES,
  });
}
