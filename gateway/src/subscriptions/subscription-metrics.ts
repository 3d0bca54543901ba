import { Counter, Gauge, Histogram } from 'prom-client';
import type { ServiceMetrics } from '@sophia/kit';

/** The gateway's subscription metrics, beside `sophia_subscriptions_active` which every service reports. */
export interface SubscriptionMetrics {
  readonly active: Gauge;
  /** graphql-ws sockets open from the gateway to subgraphs (one per client socket and subgraph). */
  readonly upstreamSockets: Gauge<'subgraph'>;
  /** Those sockets opened (acknowledged) so far: beside the gauge, it shows whether they are reused or churn. */
  readonly upstreamSocketsOpened: Counter<'subgraph'>;
  /** Events delivered, by the subgraph that owns the subscription and whether they carried errors. */
  readonly events: Counter<'subgraph' | 'outcome'>;
  /** From an event's arrival from the subgraph to its complete result (the rest of the plan run). */
  readonly resolution: Histogram<'subgraph'>;
}

export function createSubscriptionMetrics(service: ServiceMetrics): SubscriptionMetrics {
  const registers = [service.registry];
  return {
    active: service.subscriptionsActive,
    upstreamSockets: new Gauge({
      name: 'sophia_subscription_upstream_sockets',
      help: 'graphql-ws sockets open from the gateway to subgraphs.',
      labelNames: ['subgraph'],
      registers,
    }),
    upstreamSocketsOpened: new Counter({
      name: 'sophia_subscription_upstream_sockets_opened_total',
      help: 'graphql-ws sockets opened from the gateway to subgraphs.',
      labelNames: ['subgraph'],
      registers,
    }),
    events: new Counter({
      name: 'sophia_subscription_events_total',
      help: 'Subscription events delivered, by owning subgraph and outcome.',
      labelNames: ['subgraph', 'outcome'],
      registers,
    }),
    resolution: new Histogram({
      name: 'sophia_subscription_event_resolution_seconds',
      help: 'Time from a subscription event reaching the gateway to its complete result, per event.',
      labelNames: ['subgraph'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
  };
}
