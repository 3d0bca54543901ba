import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServiceMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'route' | 'status'>;
  readonly graphqlDuration: Histogram<'operation' | 'outcome'>;
  /** Subscriptions being served now; after every client has left it must read zero (no leak). */
  readonly subscriptionsActive: Gauge;
}

/** One registry per service (not prom-client's global one) so in-process tests can run several services. */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'sophia_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'sophia_http_requests_total',
      help: 'HTTP requests by route and status code.',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'sophia_graphql_operation_duration_seconds',
      help: 'GraphQL operation duration by operation name and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    subscriptionsActive: new Gauge({
      name: 'sophia_subscriptions_active',
      help: 'Subscriptions being served now over graphql-ws.',
      registers: [registry],
    }),
  };
}
