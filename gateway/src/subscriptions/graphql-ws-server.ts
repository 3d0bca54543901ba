import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ExecutionResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { requestIdOf, VIEWER_CONNECTION_PARAM, type Logger, type ServiceMetrics } from '@sophia/kit';
import type { Authenticator } from '../auth/authenticate.ts';
import type { GatewayContext } from '../context.ts';
import type { GatewayConfig } from '../env.ts';
import { CLOSE_CODES } from './close-codes.ts';
import { authenticateConnection } from './connection-auth.ts';
import { createEventResolver, type EventResult } from './event-resolver.ts';
import { startFederatedSubscription, type FederatedSubscription } from './federated-subscription.ts';
import { validateOperation } from './validate-operation.ts';
import { PreparedOperation } from './prepared-operation.ts';
import { operationContext, type SocketConnection } from './socket-connection.ts';
import { SharedResolutions } from './shared-resolutions.ts';
import { schemaReloaded, SubscriptionEndedError } from './subscription-error.ts';
import { createSubscriptionMetrics } from './subscription-metrics.ts';
import { planSubscription, type SupergraphTracker } from './supergraph-tracker.ts';
import { toTransport } from './transport-result.ts';
import { UpstreamPool } from './upstream-pool.ts';
import { createViewerSigner } from './viewer-signer.ts';

export interface GraphQLWsOptions {
  readonly httpServer: Server;
  /** Queries and mutations sent over the socket run through it, exactly as over HTTP. */
  readonly apollo: ApolloServer<GatewayContext>;
  readonly supergraph: SupergraphTracker;
  /** The gateway's subgraph data sources by name, for the entity fetches of each event. */
  readonly dataSources: ReadonlyMap<string, GraphQLDataSource>;
  readonly authenticate: Authenticator;
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  readonly config: Pick<
    GatewayConfig,
    'INTERNAL_TOKEN_SECRET' | 'SUBGRAPH_WS_URLS' | 'SUBSCRIPTION_BUFFER_EVENTS'
  >;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
}

/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's /graphql port. The socket's credentials are verified
 * once, in `connection_init`; queries and mutations run through Apollo Server; subscriptions are planned and
 * run as federated subscriptions (primary on the owning subgraph's socket, the rest per event).
 */
export function serveGraphQLOverWebSocket(options: GraphQLWsOptions): { dispose(): Promise<void> } {
  const { apollo, supergraph, dataSources, config, logger } = options;
  const metrics = createSubscriptionMetrics(options.metrics);
  const connections = new Set<SocketConnection>();
  const shared = new SharedResolutions<EventResult>();
  const format = (error: GraphQLError) => options.formatError(error.toJSON(), error);

  supergraph.onReload(({ version }) => {
    logger.info({ version }, 'supergraph reloaded: ending live subscriptions');
    for (const connection of connections) {
      for (const subscription of connection.subscriptions) subscription.end(schemaReloaded());
    }
  });

  const closeSlow = (connection: SocketConnection) => {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    const limit = config.SUBSCRIPTION_BUFFER_EVENTS;
    connection.log.warn({ limit }, 'closing a socket that reads too slowly');
    // Close first: the subscriptions' completions are then not sent, and graphql-ws clients resubscribe.
    connection.socket.close(CLOSE_CODES.SLOW_CONSUMER, `Slow consumer: over ${limit} events waited`);
    for (const subscription of connection.subscriptions) void subscription.return();
  };

  const subscribe = (prepared: PreparedOperation): FederatedSubscription => {
    const { snapshot, plan, valid, connection, context } = prepared;
    if (!plan) throw new Error('a subscription without a plan');
    const subgraph = plan.primary.serviceName;
    const routingUrl = snapshot.routingUrls.get(subgraph) ?? '';
    const url = config.SUBGRAPH_WS_URLS[subgraph] ?? routingUrl.replace(/^http/, 'ws');
    const subscription: FederatedSubscription = startFederatedSubscription({
      subgraph,
      upstream: connection.upstream.client(subgraph, url),
      primary: plan.primary,
      variables: valid.variables,
      resolve: createEventResolver({ snapshot, plan, operation: valid, dataSources, context, shared }),
      formatError: format,
      capacity: config.SUBSCRIPTION_BUFFER_EVENTS,
      onOverflow: () => closeSlow(connection),
      onEnd: () => connection.subscriptions.delete(subscription),
      metrics,
      log: context.log,
    });
    connection.subscriptions.add(subscription);
    // Planned on a supergraph replaced while it was being set up: end it as a reload would have.
    if (snapshot !== supergraph.current()) subscription.end(schemaReloaded());
    return subscription;
  };

  const execute = async ({ valid, context }: PreparedOperation): Promise<ExecutionResult> => {
    const { source: query, variables, operationName } = valid;
    const request = { query, variables, ...(operationName ? { operationName } : {}) };
    const response = await apollo.executeOperation(request, { contextValue: context });
    if (response.body.kind === 'single') return toTransport(response.body.singleResult);
    const message = 'Incremental delivery (@defer, @stream) is not supported.';
    return toTransport({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
  };

  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const handle = useServer<Record<string, unknown>, { connection: SocketConnection }>(
    {
      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        const id = requestIdOf(request);
        const auth = await authenticateConnection(ctx.connectionParams, options.authenticate);
        if ('closeCode' in auth) {
          logger.info({ connectionId: id, code: auth.closeCode }, 'socket refused');
          socket.close(auth.closeCode, auth.reason);
          return false;
        }
        const viewerToken = createViewerSigner(auth.viewer, config.INTERNAL_TOKEN_SECRET);
        const connection: SocketConnection = {
          id,
          socket,
          viewer: auth.viewer,
          viewerToken,
          log: logger.child({ connectionId: id, userId: auth.viewer.userId }),
          upstream: new UpstreamPool({
            connectionParams: async () => ({ [VIEWER_CONNECTION_PARAM]: await viewerToken(), requestId: id }),
            metrics,
          }),
          subscriptions: new Set(),
        };
        ctx.extra.connection = connection;
        connections.add(connection);
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const { connection } = ctx.extra;
        const snapshot = supergraph.current();
        if (!connection || !snapshot) return [new GraphQLError('The gateway is not ready.')];
        const valid = validateOperation(snapshot.apiSchema, payload);
        if (!('document' in valid)) return valid;
        const context = operationContext(connection, randomUUID(), valid.operationName);
        if (valid.operation.operation !== 'subscription') {
          return new PreparedOperation(valid, connection, context, snapshot).toExecutionArgs();
        }
        try {
          const plan = planSubscription(snapshot, valid);
          return new PreparedOperation(valid, connection, context, snapshot, plan).toExecutionArgs();
        } catch (error) {
          context.log.error({ err: error }, 'subscription could not be planned');
          return [
            error instanceof GraphQLError
              ? error
              : new GraphQLError('The subscription could not be planned.'),
          ];
        }
      },
      execute: (args) => execute(PreparedOperation.from(args)),
      subscribe: (args) => subscribe(PreparedOperation.from(args)),
      onError: (_ctx, _id, _payload, errors) =>
        errors
          .flatMap((error) =>
            error.originalError instanceof SubscriptionEndedError ? error.originalError.errors : [error],
          )
          .map(format),
      onClose: async (ctx) => {
        const { connection } = ctx.extra;
        if (!connection) return;
        connections.delete(connection);
        await connection.upstream.dispose();
      },
    },
    wsServer,
  );

  return {
    dispose: async () => {
      await handle.dispose();
      await Promise.all([...connections].map((connection) => connection.upstream.dispose()));
      connections.clear();
    },
  };
}
