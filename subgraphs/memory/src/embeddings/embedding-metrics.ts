import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface EmbeddingMetrics {
  /** Texts waiting for or inside an embedding call; what the autoscaler watches. */
  readonly queueDepth: Gauge;
  readonly batchSize: Histogram;
  readonly calls: Counter<'provider' | 'outcome'>;
  readonly callSeconds: Histogram<'provider'>;
}

/** Registers the embedding metrics on `registry`, or reuses them when an embedder for another model did. */
export function embeddingMetrics(registry: Registry): EmbeddingMetrics {
  const known = cached.get(registry);
  if (known) return known;
  const metrics: EmbeddingMetrics = {
    queueDepth: new Gauge({
      name: 'sophia_embedding_queue_depth',
      help: 'Texts waiting for or inside an embedding call.',
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'sophia_embedding_batch_size',
      help: 'Texts per embedding batch.',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    calls: new Counter({
      name: 'sophia_embedding_calls_total',
      help: 'Embedding provider calls by provider and outcome (ok or error; every attempt counts).',
      labelNames: ['provider', 'outcome'],
      registers: [registry],
    }),
    callSeconds: new Histogram({
      name: 'sophia_embedding_call_seconds',
      help: 'Embedding provider call duration by provider.',
      labelNames: ['provider'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
  cached.set(registry, metrics);
  return metrics;
}

const cached = new WeakMap<Registry, EmbeddingMetrics>();
