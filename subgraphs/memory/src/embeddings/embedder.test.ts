import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createEmbedder } from './embedder.ts';
import { createLocalProvider } from './local-provider.ts';
import { EmbeddingInputError, type EmbeddingProvider } from './provider.ts';

/** A provider that records its batches and refuses any text containing "bad" in that text's slot. */
function recordingProvider(maxBatch = 32): EmbeddingProvider & { batches: string[][]; peak: number } {
  let active = 0;
  const provider = {
    name: 'local' as const,
    model: 'recording',
    dimension: 2,
    maxBatch,
    batches: [] as string[][],
    peak: 0,
    async embed(texts: readonly string[]) {
      provider.batches.push([...texts]);
      active += 1;
      provider.peak = Math.max(provider.peak, active);
      await new Promise((resolve) => setImmediate(resolve));
      active -= 1;
      return texts.map((text) =>
        text.includes('bad') ? new EmbeddingInputError(`refused ${text}`) : Float32Array.of(text.length, 1),
      );
    },
  };
  return provider;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createEmbedder', () => {
  it('batches loads within the window, up to maxBatch, with a bounded number in flight', async () => {
    const provider = recordingProvider();
    const embedder = createEmbedder(provider, { registry: new Registry(), maxBatch: 10, maxInFlight: 2 });
    await Promise.all(Array.from({ length: 95 }, (_, i) => embedder.embed(`t${i}`)));
    expect(provider.batches.map((b) => b.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
    expect(provider.peak).toBeLessThanOrEqual(2);
  });

  it('keeps a batch open while texts keep arriving, up to maxBatch', async () => {
    const provider = recordingProvider();
    const embedder = createEmbedder(provider, {
      registry: new Registry(),
      batchWindowMs: 50,
      batchMaxWaitMs: 500,
    });
    const pending: Promise<Float32Array>[] = [];
    for (let i = 0; i < 40; i += 1) {
      pending.push(embedder.embed(`t${i}`));
      await sleep(5);
    }
    await Promise.all(pending);
    expect(provider.batches.map((b) => b.length)).toEqual([32, 8]);
  });

  it('fills the next batch while the provider is busy instead of queueing small ones', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const provider = recordingProvider();
    const slow = {
      ...provider,
      embed: async (texts: readonly string[]) => (await gate, provider.embed(texts)),
    };
    const embedder = createEmbedder(slow, { registry: new Registry(), batchWindowMs: 1, maxInFlight: 1 });
    const first = embedder.embed('first');
    await sleep(20);
    const rest: Promise<Float32Array>[] = [];
    for (let i = 0; i < 20; i += 1) {
      rest.push(embedder.embed(`t${i}`));
      await sleep(3);
    }
    open();
    await Promise.all([first, ...rest]);
    expect(provider.batches.map((b) => b.length)).toEqual([1, 20]);
  });

  it('never caches: the same text asked twice is embedded twice', async () => {
    const provider = recordingProvider();
    const embedder = createEmbedder(provider, { registry: new Registry() });
    await embedder.embed('same');
    await embedder.embed('same');
    expect(provider.batches).toEqual([['same'], ['same']]);
  });

  it('fails only the key the provider refuses', async () => {
    const embedder = createEmbedder(recordingProvider(), { registry: new Registry() });
    const results = await embedder.embedMany(['ok', 'bad one', 'fine']);
    expect(results[0]).toEqual(Float32Array.of(2, 1));
    expect(results[1]).toBeInstanceOf(EmbeddingInputError);
    expect(results[2]).toEqual(Float32Array.of(4, 1));
  });

  it('does not retry an error that retrying cannot fix', async () => {
    let calls = 0;
    const provider: EmbeddingProvider = {
      ...recordingProvider(),
      embed: async () => {
        calls += 1;
        throw new Error('bug');
      },
    };
    const embedder = createEmbedder(provider, { registry: new Registry(), retries: 3, backoffMs: 1 });
    await expect(embedder.embed('x')).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });

  it('lets two models share one registry', () => {
    const registry = new Registry();
    createEmbedder(createLocalProvider({ dimension: 8 }), { registry });
    expect(() =>
      createEmbedder(createLocalProvider({ dimension: 8, model: 'other' }), { registry }),
    ).not.toThrow();
  });
});
