import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BreakerState } from './circuit-breaker.ts';

/** Breaker states as numbers, for a gauge and its alerts: 0 closed, 1 half-open, 2 open. */
export const BREAKER_STATE_VALUE: Readonly<Record<BreakerState, number>> = {
  closed: 0,
  'half-open': 1,
  open: 2,
};

export type ResilienceMetrics = ReturnType<typeof createResilienceMetrics>;

/** Per-subgraph fetch metrics and the shedder's, on the gateway's registry. */
export function createResilienceMetrics(registry: Registry) {
  const registers = [registry];
  return {
    fetchDuration: new Histogram({
      name: 'sophia_subgraph_fetch_duration_seconds',
      help: 'Subgraph fetches from the gateway by subgraph and outcome (ok, error, rejected by the breaker).',
      labelNames: ['subgraph', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    retries: new Counter({
      name: 'sophia_subgraph_retries_total',
      help: 'Subgraph queries sent again after a transient failure.',
      labelNames: ['subgraph'] as const,
      registers,
    }),
    deduplicated: new Counter({
      name: 'sophia_subgraph_deduplicated_total',
      help: 'Subgraph fetches answered by an identical fetch already in flight for the same viewer.',
      labelNames: ['subgraph'] as const,
      registers,
    }),
    breakerState: new Gauge({
      name: 'sophia_subgraph_breaker_state',
      help: 'Circuit breaker per subgraph: 0 closed, 1 half-open, 2 open.',
      labelNames: ['subgraph'] as const,
      registers,
    }),
    shed: new Counter({
      name: 'sophia_shed_requests_total',
      help: 'Requests answered 503 with Retry-After because the gateway was overloaded, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    inFlight: new Gauge({
      name: 'sophia_http_in_flight_requests',
      help: 'GraphQL and MCP requests being served now.',
      registers,
    }),
  };
}
