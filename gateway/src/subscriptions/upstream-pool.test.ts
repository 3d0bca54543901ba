import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from '@sophia/kit';
import { createSubscriptionMetrics } from './subscription-metrics.ts';
import { UpstreamPool } from './upstream-pool.ts';

const pool = () =>
  new UpstreamPool({
    connectionParams: async () => ({}),
    idleMs: 30_000,
    metrics: createSubscriptionMetrics(createServiceMetrics('gateway')),
  });

describe('UpstreamPool', () => {
  it('gives a client socket one upstream client per subgraph URL', () => {
    const upstream = pool();
    const catalog = upstream.client('catalog', 'ws://127.0.0.1:1/graphql');
    expect(upstream.client('catalog', 'ws://127.0.0.1:1/graphql')).toBe(catalog);
    expect(upstream.client('catalog', 'ws://127.0.0.1:2/graphql')).not.toBe(catalog);
    expect(pool().client('catalog', 'ws://127.0.0.1:1/graphql')).not.toBe(catalog);
  });

  it('opens nothing once disposed: a socket opened then would outlive its client socket', async () => {
    const upstream = pool();
    upstream.client('catalog', 'ws://127.0.0.1:1/graphql');
    await upstream.dispose();
    expect(() => upstream.client('catalog', 'ws://127.0.0.1:1/graphql')).toThrow(
      'The client socket has closed.',
    );
  });
});
