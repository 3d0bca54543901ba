import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ServiceMetrics } from './metrics.ts';

export interface OperationMetricsOptions {
  /**
   * Whether a client-sent operation name may become a label value (the gateway: the registered operations).
   * Names it refuses are counted as `unregistered`.
   */
  readonly isRegistered?: (name: string) => boolean;
  /**
   * Without `isRegistered`: distinct names kept as labels before the rest are counted as `other`.
   * @default 200
   */
  readonly maxNames?: number;
}

/**
 * Records every GraphQL operation's duration by name and outcome. The name comes from the client, so its
 * label values are bounded: a caller sending a new name on every request cannot grow /metrics without end.
 */
export function useOperationMetrics<TContext extends BaseContext>(
  metrics: ServiceMetrics,
  options: OperationMetricsOptions = {},
): ApolloServerPlugin<TContext> {
  const seen = new Set<string>();
  const maxNames = options.maxNames ?? 200;
  const labelOf = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (options.isRegistered) return options.isRegistered(name) ? name : 'unregistered';
    if (seen.has(name)) return name;
    if (seen.size >= maxNames) return 'other';
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const stop = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse({ operationName, errors }) {
          stop({ operation: labelOf(operationName), outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
