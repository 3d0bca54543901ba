import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResilienceFixture, type ResilienceFixture } from './resilience-fixture.ts';

const LEVELS = '{ levels { sku count } }';
const OPEN_MS = 300;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('circuit breaker per subgraph', () => {
  let fx: ResilienceFixture;
  beforeAll(async () => {
    fx = await startResilienceFixture({
      BREAKER_FAILURE_THRESHOLD: '3',
      BREAKER_OPEN_MS: String(OPEN_MS),
      SUBGRAPH_RETRIES: '0',
    });
  });
  afterAll(() => fx.close());

  const downstreamError = (reply: Awaited<ReturnType<ResilienceFixture['post']>>) => {
    expect(reply.status).toBe(200);
    expect(reply.data).toEqual({ levels: null });
    expect(reply.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'stock' }),
    ]);
  };

  it('opens after consecutive failures and then answers at once without calling the subgraph', async () => {
    fx.stock.mode = 'unavailable';
    for (let i = 0; i < 3; i++) downstreamError(await fx.post(LEVELS));
    expect(fx.stock.seen.queries).toBe(3);
    expect(await fx.metric('sophia_subgraph_breaker_state{subgraph="stock"}')).toBe(2);

    const refused = await fx.post(LEVELS);
    downstreamError(refused);
    expect(refused.errors![0]!.message).toMatch(/stock service is failing/);
    expect(fx.stock.seen.queries).toBe(3);
    // The other subgraph's breaker is its own: catalog still answers.
    expect((await fx.post('{ items { name } }')).data).toEqual({
      items: [{ name: 'Desk' }, { name: 'Lamp' }],
    });
  });

  it('lets one probe through once open long enough; a failed probe opens it again at once', async () => {
    await wait(OPEN_MS + 50);
    downstreamError(await fx.post(LEVELS));
    expect(fx.stock.seen.queries).toBe(4);
    downstreamError(await fx.post(LEVELS));
    expect(fx.stock.seen.queries).toBe(4);
  });

  it('closes after a successful probe: the subgraph is called again for every request', async () => {
    fx.stock.mode = 'pass';
    await wait(OPEN_MS + 50);
    const probe = await fx.post(LEVELS);
    expect(probe.errors).toBeUndefined();
    expect(probe.data?.['levels']).toHaveLength(2);
    expect(await fx.metric('sophia_subgraph_breaker_state{subgraph="stock"}')).toBe(0);
    await fx.post(LEVELS);
    await fx.post(LEVELS);
    expect(fx.stock.seen.queries).toBe(7);
  });
});
