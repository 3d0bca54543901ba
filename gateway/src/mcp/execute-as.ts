import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../context.ts';
import type { OperationLimiter } from '../limits/operation-limits.ts';
import type { SupergraphTracker } from '../subscriptions/supergraph-tracker.ts';
import type { ExecuteGraphQL } from './tool.ts';

export interface ExecutorOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly supergraph: SupergraphTracker;
  /** Every tool's operation meets the same limits as over /graphql. */
  readonly limiter: OperationLimiter;
}

/**
 * How tools run their operation: through Apollo Server in-process, with the request's context (its viewer, so
 * authorization is exactly that of /graphql), after the same operation limits.
 */
export function createExecutor(options: ExecutorOptions): (context: GatewayContext) => ExecuteGraphQL {
  const { apollo, supergraph, limiter } = options;
  return (context) => async (request) => {
    const schema = supergraph.current()?.apiSchema;
    const checked = schema && limiter.check(schema, request.query, request.variables, request.operationName);
    if (checked && !('document' in checked)) return { data: null, errors: [checked.toJSON()] };
    const response = await apollo.executeOperation(request, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('an incremental result (@defer) from a tool');
    const { data, errors } = response.body.singleResult;
    return { data: data ?? null, ...(errors ? { errors } : {}) };
  };
}
