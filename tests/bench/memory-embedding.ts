import { performance } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { createEmbeddingProvider } from '../../subgraphs/memory/src/embeddings/create-provider.ts';
import { createEmbedder } from '../../subgraphs/memory/src/embeddings/embedder.ts';
import { loadMemoryConfig } from '../../subgraphs/memory/src/env.ts';
import { startFakeTeiServer } from '../../subgraphs/memory/tests/fakes/fake-tei-server.ts';

/** A GPU-like cost: a fixed price per call (launch, transfer) plus a little per text. */
export const GPU_COST = { overheadMs: 15, perItemMs: 0.2 } as const;

export interface EmbeddingSample {
  readonly maxBatch: number;
  readonly texts: number;
  readonly seconds: number;
  readonly textsPerSecond: number;
  /** Requests the embedding server received. */
  readonly calls: number;
  readonly meanBatch: number;
}

/**
 * Embeds `texts` distinct texts, all asked for at once, through the real embedder (DataLoader, semaphore,
 * TEI provider over HTTP) against a FAKE TEI server that serves one request at a time at {@link GPU_COST}.
 * Each run gets its own server, so the counts are its own.
 */
export async function measureEmbedding(texts: number, maxBatch: number): Promise<EmbeddingSample> {
  await using server = await startFakeTeiServer({ cost: GPU_COST });
  const config = loadMemoryConfig({
    EMBEDDINGS_PROVIDER: 'tei',
    EMBEDDINGS_URL: server.url,
    EMBEDDINGS_MAX_BATCH: String(maxBatch),
    // Every call waits its turn on the one "GPU": the default 10 s per-call timeout would fire for batch 1.
    EMBEDDINGS_TIMEOUT_MS: '600000',
  });
  const embedder = createEmbedder(createEmbeddingProvider(config), {
    registry: new Registry(),
    batchWindowMs: config.EMBEDDINGS_BATCH_WINDOW_MS,
    maxBatch: config.EMBEDDINGS_MAX_BATCH,
    maxInFlight: config.EMBEDDINGS_MAX_IN_FLIGHT,
    retries: config.EMBEDDINGS_RETRIES,
  });
  const inputs = Array.from(
    { length: texts },
    (_, i) => `Note ${i}: the renewal with account ${i % 97} moves to the next quarter.`,
  );
  const started = performance.now();
  const vectors = await Promise.all(inputs.map((text) => embedder.embed(text)));
  const seconds = (performance.now() - started) / 1000;
  const wrong = vectors.filter((vector) => vector.length !== config.EMBEDDINGS_DIMENSION).length;
  if (wrong > 0) throw new Error(`${wrong} vectors have the wrong dimension`);
  const embedded = server.batchSizes.reduce((sum, size) => sum + size, 0);
  if (embedded !== texts) throw new Error(`the server embedded ${embedded} texts, expected ${texts}`);
  return {
    maxBatch,
    texts,
    seconds,
    textsPerSecond: texts / seconds,
    calls: server.calls,
    meanBatch: embedded / server.calls,
  };
}
