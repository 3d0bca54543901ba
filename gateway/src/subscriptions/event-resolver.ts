import {
  buildOperationContext,
  executeQueryPlan,
  type GraphQLDataSource,
  type ServiceMap,
} from '@apollo/gateway';
import type { QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import type { FormattedExecutionResult } from 'graphql-ws';
import type { GatewayContext } from '../context.ts';
import type { ValidOperation } from './validate-operation.ts';
import type { SharedResolutions } from './shared-resolutions.ts';
import type { SupergraphSnapshot } from './supergraph-tracker.ts';

type RequestContext = Parameters<typeof executeQueryPlan>[2];
export type EventResult = Awaited<ReturnType<typeof executeQueryPlan>>;

/** Resolves one upstream event of a subscription into the result its client asked for. */
export type EventResolver = (
  event: Pick<FormattedExecutionResult, 'data' | 'errors'>,
) => Promise<EventResult>;

/**
 * Runs a subscription's plan for each event with the gateway's own plan executor: the primary fetch is
 * answered by the event itself, then the rest of the plan fetches the other subgraphs' fields (`_entities`)
 * exactly as it would for a query — nested lists, requires, aliases and result shaping included.
 */
export function createEventResolver(options: {
  readonly snapshot: SupergraphSnapshot;
  readonly plan: SubscriptionNode;
  readonly operation: ValidOperation;
  readonly dataSources: ReadonlyMap<string, GraphQLDataSource>;
  readonly context: GatewayContext;
  readonly shared: SharedResolutions<EventResult>;
}): EventResolver {
  const { snapshot, plan, operation, dataSources, context, shared } = options;
  // What besides the event decides the result: the variables and who is asking.
  const sameFor = `${JSON.stringify(context.viewer)}\n${JSON.stringify(operation.variables)}\n`;
  const { primary, rest } = plan;
  const queryPlan: QueryPlan = {
    kind: 'QueryPlan',
    node: rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary,
  };
  const operationContext = buildOperationContext({
    schema: snapshot.apiSchema,
    operationDocument: operation.document,
    ...(operation.operationName ? { operationName: operation.operationName } : {}),
  });
  // executeQueryPlan reads the request, the context, the logger and the metrics of Apollo Server's request
  // context; the rest (caches, hashes, HTTP) has no meaning for one event.
  const requestContext = () =>
    ({
      request: {
        query: operation.source,
        operationName: operation.operationName,
        variables: operation.variables,
      },
      context,
      logger: context.log,
      schema: snapshot.apiSchema,
      document: operation.document,
      source: operation.source,
      operationName: operation.operationName ?? null,
      operation: operationContext.operation,
      metrics: {}, // per event: the executor appends to it
    }) as unknown as RequestContext;
  const owner = dataSources.get(primary.serviceName);

  const execute: EventResolver = (event) => {
    const serviceMap: ServiceMap = Object.fromEntries(dataSources);
    serviceMap[primary.serviceName] = {
      process: (request) =>
        request.request.query === primary.operation
          ? Promise.resolve({ data: event.data ?? null, ...(event.errors ? { errors: event.errors } : {}) })
          : (owner ?? missing(primary.serviceName)).process(request),
    };
    return executeQueryPlan(
      queryPlan,
      serviceMap,
      requestContext(),
      operationContext,
      snapshot.supergraphSchema,
      snapshot.apiModel,
    );
  };
  return (event) => shared.resolve(plan, sameFor + JSON.stringify(event), () => execute(event));
}

function missing(serviceName: string): GraphQLDataSource {
  throw new Error(`No data source for subgraph "${serviceName}"`);
}
