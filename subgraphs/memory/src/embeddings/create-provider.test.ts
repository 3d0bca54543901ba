import { ConfigError } from '@sophia/kit';
import { describe, expect, it } from 'vitest';
import { loadMemoryConfig } from '../env.ts';
import { createEmbeddingProvider } from './create-provider.ts';

describe('embedding configuration', () => {
  it('defaults to the local provider at 768 dimensions', () => {
    const config = loadMemoryConfig({});
    expect(config.EMBEDDINGS_BATCH_WINDOW_MS).toBe(4);
    expect(config.EMBEDDINGS_MAX_BATCH).toBe(32);
    expect(config.EMBEDDINGS_MAX_IN_FLIGHT).toBe(4);
    const provider = createEmbeddingProvider(config);
    expect([provider.name, provider.dimension]).toEqual(['local', 768]);
  });

  it('builds tei and openai providers from their variables', () => {
    const tei = createEmbeddingProvider(
      loadMemoryConfig({
        EMBEDDINGS_PROVIDER: 'tei',
        EMBEDDINGS_URL: 'http://tei:8080',
        EMBEDDINGS_MAX_BATCH: '16',
      }),
    );
    expect([tei.name, tei.model, tei.maxBatch]).toEqual(['tei', 'tei', 16]);
    const openai = createEmbeddingProvider(
      loadMemoryConfig({
        EMBEDDINGS_PROVIDER: 'openai',
        EMBEDDINGS_URL: 'http://vllm:8000',
        EMBEDDINGS_MODEL: 'bge-base',
        EMBEDDINGS_DIMENSION: '1024',
      }),
    );
    expect([openai.name, openai.model, openai.dimension]).toEqual(['openai', 'bge-base', 1024]);
  });

  it('reports every missing variable together', () => {
    let error: unknown;
    try {
      loadMemoryConfig({ EMBEDDINGS_PROVIDER: 'openai' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'EMBEDDINGS_PROVIDER=openai needs EMBEDDINGS_URL',
      'EMBEDDINGS_PROVIDER=openai needs EMBEDDINGS_MODEL',
    ]);
  });
});
