import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createLogger, type Subgraph } from '@sophia/kit';
import { startStoreBackend, type StoreBackend } from '../../kit/tests/store-contract-backends.ts';
import { createCortexProvider } from '../src/embeddings/cortex-provider.ts';
import { createConfiguredEmbedder } from '../src/embeddings/create-provider.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { rememberMemory, type MemoryService } from '../src/memory-service.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';

/**
 * Snowflake Cortex as the embeddings provider, through snowflake-sdk against the FAKE Snowflake, whose
 * EMBED_TEXT_768 is a FAKE (feature hashing of words: the same text gives the same vector, texts that share
 * words are closer; no language understanding).
 */
const cortexStatements = (backend: StoreBackend) =>
  backend.fake!.queryHistory().filter((query) => query.sqlText.includes('SNOWFLAKE.CORTEX.EMBED_TEXT_768'));

const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
};

describe('Snowflake Cortex embeddings', () => {
  let backend: StoreBackend;
  let subgraph: Subgraph | undefined;
  let service: MemoryService | undefined;
  const env = () => ({ ...backend.env, LOG_LEVEL: 'silent', EMBEDDINGS_PROVIDER: 'cortex' });

  beforeAll(async () => {
    backend = await startStoreBackend('snowflake');
  });
  afterAll(async () => {
    await subgraph?.close();
    await backend?.close();
  });

  it('embeds a batch in one statement, vectors in input order, tagged as the memory service’s', async () => {
    const provider = createCortexProvider({ snowflake: loadMemoryConfig(env()) });
    try {
      const before = cortexStatements(backend).length;
      const [a, b, again] = (await provider.embed([
        'Acme renewal pricing review',
        'Team offsite agenda',
        'Acme renewal pricing review',
      ])) as Float32Array[];
      expect(cortexStatements(backend).length - before).toBe(1);
      expect(cortexStatements(backend).at(-1)!.queryTag).toBe('sophia-memory-embeddings');
      expect(a).toHaveLength(768);
      expect(Array.from(again!)).toEqual(Array.from(a!));
      expect(cosine(a!, b!)).toBeLessThan(0.5);
    } finally {
      await provider.close?.();
    }
  });

  it('is batched through the embedder: 40 concurrent texts take at most a few statements', async () => {
    const embedder = createConfiguredEmbedder(loadMemoryConfig(env()), new Registry());
    try {
      const before = cortexStatements(backend).length;
      const texts = Array.from({ length: 40 }, (_, i) => `memory number ${i} about the harbour`);
      const vectors = await Promise.all(texts.map((text) => embedder.embed(text)));
      expect(vectors.every((vector) => vector.length === 768)).toBe(true);
      const statements = cortexStatements(backend).length - before;
      expect(statements).toBeGreaterThanOrEqual(2);
      expect(statements).toBeLessThanOrEqual(4);
    } finally {
      await embedder.provider.close?.();
    }
  });

  it('serves the memory service: what it remembers is found by a query sharing its words', async () => {
    subgraph = await createMemorySubgraph(loadMemoryConfig(env()), {
      logger: createLogger('memory', 'silent'),
      onService: (built) => (service = built),
    });
    const scope = Promise.resolve({ userId: 'u_author', teamId: null });
    const input = { kind: 'NOTE' as const, visibility: 'ORG' as const, accountId: null };
    const pricing = await rememberMemory(service!, scope, {
      ...input,
      content: 'Quarterly pricing review for Acme',
    });
    await rememberMemory(service!, scope, { ...input, content: 'Team offsite travel plans' });
    const [best] = service!.warm.search({
      vector: await service!.embedder.embed('Acme pricing'),
      text: '',
      scope: { userId: 'u_reader', teamId: null },
      limit: 2,
    });
    expect(best?.id).toBe(pricing.memory.id);
    expect(service!.embedder.model).toBe('snowflake-arctic-embed-m-v1.5');
  });

  it('refuses a config without a Snowflake account or with another dimension', () => {
    expect(() => loadMemoryConfig({ EMBEDDINGS_PROVIDER: 'cortex' })).toThrow(ConfigError);
    expect(() => loadMemoryConfig({ ...env(), EMBEDDINGS_DIMENSION: '384' })).toThrow(/must be 768/);
  });
});
