import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResilienceFixture, type ResilienceFixture } from './resilience-fixture.ts';

const LEVELS = '{ levels { sku count } }';

describe('identical in-flight subgraph fetches for the same viewer are shared', () => {
  let fx: ResilienceFixture;
  beforeAll(async () => {
    fx = await startResilienceFixture({});
  });
  afterAll(() => fx.close());

  const until = async (done: () => Promise<boolean> | boolean) => {
    while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('sends one fetch for five identical queries of one viewer, one more for another viewer', async () => {
    fx.stock.mode = 'hold';
    const same = Array.from({ length: 5 }, () => fx.post(LEVELS, 'usr_001'));
    const other = fx.post(LEVELS, 'usr_002');
    await until(async () => (await fx.metric('sophia_subgraph_deduplicated_total{subgraph="stock"}')) === 4);
    await until(() => fx.stock.held === 2);
    fx.stock.mode = 'pass';
    fx.stock.release();

    const replies = await Promise.all([...same, other]);
    for (const reply of replies) {
      expect(reply.errors).toBeUndefined();
      expect(reply.data).toEqual({
        levels: [
          { sku: 'i1', count: 4 },
          { sku: 'i2', count: 0 },
        ],
      });
    }
    expect(fx.stock.seen.queries).toBe(2);
  });

  it('shares nothing once the fetch is done: the next identical query is fetched again', async () => {
    await fx.post(LEVELS, 'usr_001');
    expect(fx.stock.seen.queries).toBe(3);
  });

  it('never shares a mutation', async () => {
    fx.catalog.mode = 'hold';
    const bumps = [fx.post('mutation { bump }'), fx.post('mutation { bump }')];
    await until(() => fx.catalog.held === 2);
    fx.catalog.mode = 'pass';
    fx.catalog.release();
    const values = (await Promise.all(bumps)).map((reply) => reply.data?.['bump']).sort();
    expect(values).toEqual([1, 2]);
  });
});
