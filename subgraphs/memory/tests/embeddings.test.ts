import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbedder, type EmbedderOptions } from '../src/embeddings/embedder.ts';
import { createOpenAiProvider } from '../src/embeddings/openai-provider.ts';
import { createTeiProvider } from '../src/embeddings/tei-provider.ts';
import type { FakeEmbeddingServer } from './fakes/fake-embedding-server.ts';
import { fakeVector } from './fakes/fake-embedding-server.ts';
import { startFakeOpenAiServer } from './fakes/fake-openai-server.ts';
import { startFakeTeiServer } from './fakes/fake-tei-server.ts';

const DIMENSION = 16;
const servers: FakeEmbeddingServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
const started = <T extends FakeEmbeddingServer>(server: T) => (servers.push(server), server);

/** Sum of a metric's samples, optionally only those with `labels`. */
async function metric(registry: Registry, name: string, labels: Record<string, string> = {}) {
  const found = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  if (!found) throw new Error(`no metric ${name}`);
  return found.values
    .filter((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value))
    .filter((v) => !('metricName' in v) || v.metricName === `${name}_count` || v.metricName === name)
    .reduce((sum, v) => sum + v.value, 0);
}

const fastRetries: Partial<EmbedderOptions> = { backoffMs: 1 };
const close = (actual: Float32Array, expected: number[]) =>
  actual.every((x, i) => Math.abs(x - expected[i]!) < 1e-6) && actual.length === expected.length;

describe('tei provider against a fake TEI server', () => {
  it('batches 500 concurrent loads into at most ceil(500/32) + a few calls', async () => {
    const server = started(
      await startFakeTeiServer({ dimension: DIMENSION, cost: { overheadMs: 2, perItemMs: 0.05 } }),
    );
    const registry = new Registry();
    const embedder = createEmbedder(
      createTeiProvider({ url: server.url, dimension: DIMENSION, timeoutMs: 5_000 }),
      {
        registry,
        maxBatch: 32,
        maxInFlight: 4,
      },
    );
    const texts = Array.from({ length: 500 }, (_, i) => `memory number ${i}`);
    const vectors = await Promise.all(texts.map((text) => embedder.embed(text)));
    expect(vectors.every((v, i) => close(v, fakeVector(texts[i]!, DIMENSION)))).toBe(true);

    const calls = await metric(registry, 'sophia_embedding_calls_total', { provider: 'tei', outcome: 'ok' });
    expect(calls).toBeLessThanOrEqual(Math.ceil(500 / 32) + 2);
    expect(calls).toBeLessThanOrEqual(500 / 16);
    expect(server.calls).toBe(calls);
    expect(Math.max(...server.batchSizes)).toBeLessThanOrEqual(32);
    expect(await metric(registry, 'sophia_embedding_batch_size')).toBe(calls);
    expect(await metric(registry, 'sophia_embedding_queue_depth')).toBe(0);
  });

  it('fails only the malformed input of a batch', async () => {
    const server = started(await startFakeTeiServer({ dimension: DIMENSION }));
    const embedder = createEmbedder(
      createTeiProvider({ url: server.url, dimension: DIMENSION, timeoutMs: 5_000 }),
      {
        registry: new Registry(),
        maxChars: 100,
      },
    );
    const results = await Promise.allSettled([
      embedder.embed('first'),
      embedder.embed(''),
      embedder.embed('x'.repeat(101)),
      embedder.embed('last'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/empty text/);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/101 characters/);
    expect(server.batchSizes).toEqual([2]);
  });

  it('fails only the input the server refuses on its own, by splitting the batch', async () => {
    const server = started(await startFakeTeiServer({ dimension: DIMENSION }));
    const provider = createTeiProvider({ url: server.url, dimension: DIMENSION, timeoutMs: 5_000 });
    const results = await provider.embed(['a', 'b', '', 'd']);
    expect(results.map((r) => r instanceof Float32Array)).toEqual([true, true, false, true]);
    expect(String(results[2])).toMatch(/cannot be empty/);
  });

  it('splits a batch over the server limit after a 422 and retries smaller', async () => {
    const server = started(await startFakeTeiServer({ dimension: DIMENSION, maxClientBatchSize: 8 }));
    const provider = createTeiProvider({
      url: server.url,
      dimension: DIMENSION,
      timeoutMs: 5_000,
      maxBatch: 32,
    });
    const texts = Array.from({ length: 20 }, (_, i) => `text ${i}`);
    const results = await provider.embed(texts);
    expect(
      results.every((r, i) => r instanceof Float32Array && close(r, fakeVector(texts[i]!, DIMENSION))),
    ).toBe(true);
    expect(server.batchSizes[0]).toBe(20);
    const served = server.batchSizes.filter((size) => size <= 8);
    expect(served.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('respects the configured client batch size', async () => {
    const server = started(await startFakeTeiServer({ dimension: DIMENSION }));
    const provider = createTeiProvider({
      url: server.url,
      dimension: DIMENSION,
      timeoutMs: 5_000,
      maxBatch: 5,
    });
    await provider.embed(Array.from({ length: 12 }, (_, i) => `t${i}`));
    expect(server.batchSizes).toEqual([5, 5, 2]);
  });

  it('retries a 503 and then succeeds', async () => {
    const server = started(await startFakeTeiServer({ dimension: DIMENSION }));
    server.failNext(503, 2);
    const registry = new Registry();
    const embedder = createEmbedder(
      createTeiProvider({ url: server.url, dimension: DIMENSION, timeoutMs: 5_000 }),
      {
        registry,
        retries: 2,
        ...fastRetries,
      },
    );
    await expect(embedder.embed('hello')).resolves.toHaveLength(DIMENSION);
    expect(server.calls).toBe(3);
    expect(await metric(registry, 'sophia_embedding_calls_total', { outcome: 'error' })).toBe(2);
    expect(await metric(registry, 'sophia_embedding_calls_total', { outcome: 'ok' })).toBe(1);
  });

  it('gives up after its retries with a message naming the status', async () => {
    const server = started(await startFakeTeiServer({ dimension: DIMENSION }));
    server.failNext(503, 5);
    const embedder = createEmbedder(
      createTeiProvider({ url: server.url, dimension: DIMENSION, timeoutMs: 5_000 }),
      {
        registry: new Registry(),
        retries: 1,
        ...fastRetries,
      },
    );
    await expect(embedder.embed('hello')).rejects.toThrow(/HTTP 503.*after 2 attempts/);
  });

  it('times out with a clear error', async () => {
    const server = started(
      await startFakeTeiServer({ dimension: DIMENSION, cost: { overheadMs: 2_000, perItemMs: 0 } }),
    );
    const embedder = createEmbedder(
      createTeiProvider({ url: server.url, dimension: DIMENSION, timeoutMs: 50 }),
      {
        registry: new Registry(),
        retries: 0,
      },
    );
    await expect(embedder.embed('slow')).rejects.toThrow(
      /tei embedding call to .*\/embed timed out after 50 ms/,
    );
  });

  it('refuses vectors of the wrong dimension', async () => {
    const server = started(await startFakeTeiServer({ dimension: 8 }));
    const provider = createTeiProvider({ url: server.url, dimension: DIMENSION, timeoutMs: 5_000 });
    await expect(provider.embed(['a'])).rejects.toThrow(/dimension 8, but EMBEDDINGS_DIMENSION is 16/);
  });
});

describe('openai provider against a fake OpenAI-compatible server', () => {
  it('sends the model and key and puts vectors in input order by index', async () => {
    const server = started(
      await startFakeOpenAiServer({ dimension: DIMENSION, apiKey: 'sk-test', shuffle: true }),
    );
    const provider = createOpenAiProvider({
      url: server.url,
      model: 'nomic-embed-text',
      apiKey: 'sk-test',
      dimension: DIMENSION,
      timeoutMs: 5_000,
    });
    const texts = ['alpha', 'beta', 'gamma', 'delta'];
    const results = await provider.embed(texts);
    expect(
      results.every((r, i) => r instanceof Float32Array && close(r, fakeVector(texts[i]!, DIMENSION))),
    ).toBe(true);
    expect(server.batchSizes).toEqual([4]);
  });

  it('fails the whole call on a wrong key without retrying', async () => {
    const server = started(await startFakeOpenAiServer({ dimension: DIMENSION, apiKey: 'sk-right' }));
    const embedder = createEmbedder(
      createOpenAiProvider({
        url: server.url,
        model: 'm',
        apiKey: 'sk-wrong',
        dimension: DIMENSION,
        timeoutMs: 5_000,
      }),
      { registry: new Registry(), ...fastRetries },
    );
    await expect(embedder.embed('hello')).rejects.toThrow(/HTTP 401: Incorrect API key/);
    expect(server.calls).toBe(1);
  });

  it('isolates an input the server rejects with a 400', async () => {
    const server = started(await startFakeOpenAiServer({ dimension: DIMENSION }));
    const provider = createOpenAiProvider({
      url: server.url,
      model: 'm',
      dimension: DIMENSION,
      timeoutMs: 5_000,
    });
    const results = await provider.embed(['one', '', 'three']);
    expect(results.map((r) => r instanceof Float32Array)).toEqual([true, false, true]);
    expect(String(results[1])).toMatch(/input' is invalid/);
  });
});
