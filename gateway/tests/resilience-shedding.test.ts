import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResilienceFixture, type ResilienceFixture } from './resilience-fixture.ts';

const until = async (done: () => Promise<boolean> | boolean) => {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('load shedding', () => {
  let fx: ResilienceFixture;
  beforeAll(async () => {
    fx = await startResilienceFixture({
      SHED_MAX_IN_FLIGHT: '2',
      SHED_MAX_EVENT_LOOP_LAG_MS: '100',
      SHED_RETRY_AFTER_S: '3',
    });
  });
  afterAll(() => fx.close());

  it('answers 503 with Retry-After over the in-flight limit while /healthz and /readyz keep answering', async () => {
    fx.stock.mode = 'hold';
    const admitted = [fx.post('{ levels { sku } }', 'usr_001'), fx.post('{ levels { count } }', 'usr_002')];
    await until(() => fx.stock.held === 2);

    const shed = await fx.post('{ items { name } }');
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('3');
    expect(shed.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await fetch(`${fx.origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${fx.origin}/readyz`)).status).toBe(200);
    expect(await fx.metric('sophia_shed_requests_total{reason="in_flight"}')).toBe(1);

    fx.stock.mode = 'pass';
    fx.stock.release();
    for (const reply of await Promise.all(admitted)) expect(reply.status).toBe(200);
    expect((await fx.post('{ items { name } }')).status).toBe(200);
  });

  it('sheds while the event loop lags, and admits again once it has caught up', async () => {
    // Keep the loop the gateway runs on (it is in this process) behind for longer than the limit.
    await until(async () => {
      const blockedUntil = Date.now() + 300;
      while (Date.now() < blockedUntil);
      return (await fx.post('{ items { name } }')).status === 503;
    });
    expect((await fetch(`${fx.origin}/healthz`)).status).toBe(200);
    expect(await fx.metric('sophia_shed_requests_total{reason="event_loop_lag"}')).toBeGreaterThan(0);
    await until(async () => (await fx.post('{ items { name } }')).status === 200);
  });
});
