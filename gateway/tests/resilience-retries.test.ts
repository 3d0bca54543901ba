import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResilienceFixture, type ResilienceFixture } from './resilience-fixture.ts';

describe('retries with jittered backoff, for queries only', () => {
  let fx: ResilienceFixture;
  beforeAll(async () => {
    fx = await startResilienceFixture({ SUBGRAPH_RETRIES: '2', SUBGRAPH_RETRY_BASE_MS: '10' });
  });
  afterAll(() => fx.close());

  it('retries a query whose subgraph failed in transit, and answers it whole', async () => {
    fx.stock.failNext(2, 'reset');
    const reply = await fx.post('{ levels { sku count } }');
    expect(reply.errors).toBeUndefined();
    expect(reply.data?.['levels']).toHaveLength(2);
    expect(fx.stock.seen.queries).toBe(3);
    expect(await fx.metric('sophia_subgraph_retries_total{subgraph="stock"}')).toBe(2);
  });

  it('gives up after the configured retries with DOWNSTREAM_SERVICE_ERROR', async () => {
    const before = fx.stock.seen.queries;
    fx.stock.failNext(3, 'unavailable');
    const reply = await fx.post('{ levels { sku } }');
    expect(reply.data).toEqual({ levels: null });
    expect(reply.errors![0]!.extensions).toMatchObject({
      code: 'DOWNSTREAM_SERVICE_ERROR',
      serviceName: 'stock',
    });
    expect(fx.stock.seen.queries - before).toBe(3);
  });

  it('never sends a mutation twice, even when the first attempt failed in transit', async () => {
    fx.catalog.failNext(1, 'reset');
    const failed = await fx.post('mutation { bump }');
    expect(failed.errors![0]!.extensions).toMatchObject({
      code: 'DOWNSTREAM_SERVICE_ERROR',
      serviceName: 'catalog',
    });
    expect(fx.catalog.seen.mutations).toBe(1);
    expect(fx.counter.bumps).toBe(0);

    const done = await fx.post('mutation { bump }');
    expect(done.data).toEqual({ bump: 1 });
    expect(fx.catalog.seen.mutations).toBe(2);
  });
});
