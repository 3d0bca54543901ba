import type { ResilienceConfig } from './env.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import { createInFlightDedup } from './in-flight-dedup.ts';
import { BREAKER_STATE_VALUE, type ResilienceMetrics } from './resilience-metrics.ts';
import { withRetries } from './retry.ts';
import { SubgraphFailure } from './subgraph-failure.ts';

export interface SubgraphFetch {
  /** Mutations are sent once and never shared: only queries are retried and deduplicated. */
  readonly isQuery: boolean;
  /** Identical fetches for the same viewer have the same key. */
  readonly key: string;
}

export type SubgraphResilience<T> = ReturnType<typeof createSubgraphResilience<T>>;

/**
 * Everything between the gateway and one subgraph: its breaker, retries for queries with jittered backoff,
 * and sharing of identical in-flight queries. `copy` gives each sharer its own copy of a response.
 */
export function createSubgraphResilience<T>(
  subgraph: string,
  config: ResilienceConfig,
  metrics: ResilienceMetrics,
  copy: (response: T) => T,
) {
  const labels = { subgraph };
  metrics.breakerState.set(labels, BREAKER_STATE_VALUE.closed);
  const breaker = new CircuitBreaker({
    failureThreshold: config.BREAKER_FAILURE_THRESHOLD,
    openMs: config.BREAKER_OPEN_MS,
    onStateChange: (state) => metrics.breakerState.set(labels, BREAKER_STATE_VALUE[state]),
  });
  const dedup = createInFlightDedup<T>(copy);

  const attempt = async (call: () => Promise<T>): Promise<T> => {
    if (!breaker.tryAcquire()) {
      metrics.fetchDuration.observe({ ...labels, outcome: 'rejected' }, 0);
      throw new SubgraphFailure(
        `The ${subgraph} service is failing; the gateway is not calling it for a few seconds.`,
        subgraph,
        false,
        false,
      );
    }
    const stop = metrics.fetchDuration.startTimer(labels);
    try {
      const response = await call();
      breaker.succeeded();
      stop({ outcome: 'ok' });
      return response;
    } catch (error) {
      if (!(error instanceof SubgraphFailure) || error.unhealthy) breaker.failed();
      else breaker.released();
      stop({ outcome: 'error' });
      throw error;
    }
  };

  return {
    breaker,
    fetch(request: SubgraphFetch, call: () => Promise<T>): Promise<T> {
      if (!request.isQuery) return attempt(call);
      const retried = () =>
        withRetries(() => attempt(call), {
          retries: config.SUBGRAPH_RETRIES,
          baseMs: config.SUBGRAPH_RETRY_BASE_MS,
          retryable: (error) => error instanceof SubgraphFailure && error.retryable,
          onRetry: () => metrics.retries.inc(labels),
        });
      if (config.SUBGRAPH_DEDUP === 'false') return retried();
      return dedup.run(request.key, retried, () => metrics.deduplicated.inc(labels));
    },
  };
}
