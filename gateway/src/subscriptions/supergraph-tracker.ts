import type { ApolloGateway } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type SubscriptionNode } from '@apollo/query-planner';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Plans kept per supergraph: clients subscribe with a handful of distinct operations, many times each. */
const PLAN_CACHE_SIZE = 500;

/** What subscriptions need from one version of the supergraph; replaced whole when the supergraph changes. */
export interface SupergraphSnapshot {
  /** Counts versions from 1; a subscription planned on an older one is ended by a reload. */
  readonly version: number;
  /** The API schema clients see (what operations are validated against). */
  readonly apiSchema: GraphQLSchema;
  /** The same API schema as the query planner and plan executor model it. */
  readonly apiModel: Schema;
  /** The supergraph schema the plan executor resolves entities against. */
  readonly supergraphSchema: GraphQLSchema;
  readonly planner: QueryPlanner;
  /** Routing URL of each subgraph (after SUBGRAPH_URLS overrides). */
  readonly routingUrls: ReadonlyMap<string, string>;
  readonly plans: Map<string, SubscriptionNode>;
}

export interface SupergraphTracker {
  /** The supergraph being served; undefined only before the gateway has loaded one. */
  current(): SupergraphSnapshot | undefined;
  /** Called after each later version is in place (not on the first load). */
  onReload(listener: (snapshot: SupergraphSnapshot) => void): void;
  stop(): void;
}

/**
 * Follows the gateway's supergraph. Register before Apollo Server starts: the gateway announces its first load
 * only to listeners that are already there.
 */
export function trackSupergraph(gateway: ApolloGateway): SupergraphTracker {
  let snapshot: SupergraphSnapshot | undefined;
  const listeners: Array<(snapshot: SupergraphSnapshot) => void> = [];
  const stop = gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    const previous = snapshot;
    const supergraph = Supergraph.build(coreSupergraphSdl);
    snapshot = {
      version: (previous?.version ?? 0) + 1,
      apiSchema,
      apiModel: supergraph.apiSchema(),
      supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
      planner: new QueryPlanner(supergraph),
      routingUrls: new Map(supergraph.subgraphsMetadata().map(({ name, url }) => [name, url])),
      plans: new Map(),
    };
    if (previous) for (const listener of listeners) listener(snapshot);
  });
  return { current: () => snapshot, onReload: (listener) => listeners.push(listener), stop };
}

/**
 * The query plan of a subscription operation: a primary fetch to the subgraph that owns the root field, and
 * the rest (entity fetches) to run for each event. The operation must already be valid.
 */
export function planSubscription(
  snapshot: SupergraphSnapshot,
  request: { readonly source: string; readonly document: DocumentNode; readonly operationName?: string },
): SubscriptionNode {
  const { source, document, operationName } = request;
  const key = `${operationName ?? ''}\n${source}`;
  const cached = snapshot.plans.get(key);
  if (cached) return cached;
  const operation = operationFromDocument(snapshot.apiModel, document, {
    ...(operationName ? { operationName } : {}),
  });
  const plan = snapshot.planner.buildQueryPlan(operation).node;
  if (plan?.kind !== 'Subscription') throw new GraphQLError('The operation is not a subscription.');
  if (snapshot.plans.size >= PLAN_CACHE_SIZE) {
    snapshot.plans.delete(snapshot.plans.keys().next().value as string);
  }
  snapshot.plans.set(key, plan);
  return plan;
}
