import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_HEADER } from '@sophia/kit';
import { startResilienceFixture, type ResilienceFixture } from './resilience-fixture.ts';

/** The gateway tells each subgraph how long it will wait, a little less than its own timeout. */
describe('subgraph deadlines', () => {
  let fx: ResilienceFixture;
  beforeAll(async () => {
    fx = await startResilienceFixture({ SUBGRAPH_TIMEOUT_MS: '2000', SUBGRAPH_TIMEOUTS: 'stock=30000' });
  });
  afterAll(() => fx.close());

  it('sends every subgraph call its budget: the subgraph timeout less a tenth, at most 500 ms', async () => {
    expect((await fx.post('mutation { bump }')).data).toEqual({ bump: 1 });
    expect(fx.catalog.lastHeaders?.[DEADLINE_HEADER]).toBe('1800');
    expect((await fx.post('{ levels { sku } }')).errors).toBeUndefined();
    expect(fx.stock.lastHeaders?.[DEADLINE_HEADER]).toBe('29500');
  });
});
