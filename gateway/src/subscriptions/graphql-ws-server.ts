import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ExecutionResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { requestIdOf, VIEWER_CONNECTION_PARAM, type Logger, type ServiceMetrics } from '@sophia/kit';
import type { ApiKeys } from '../auth/api-keys/api-keys.ts';
import { apiKeyScopeRefusal } from '../auth/api-keys/use-api-key-scopes.ts';
import type { CallerAuthenticator } from '../auth/authenticate.ts';
import type { GatewayContext } from '../context.ts';
import type { GatewayConfig } from '../env.ts';
import type { OperationLimiter } from '../limits/operation-limits.ts';
import type { Safelist } from '../limits/persisted-operations.ts';
import { CLOSE_CODES } from './close-codes.ts';
import { authenticateConnection, authorizationOf } from './connection-auth.ts';
import { watchApiKeySockets } from './api-key-sockets.ts';
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
  readonly authenticate: CallerAuthenticator;
  /** Sockets opened with an API key close with 4403 when it is revoked (heard from any replica) or expires. */
  readonly apiKeys?: Pick<ApiKeys, 'onRevoked' | 'recheckMs'>;
  /** The operation limits /graphql applies, applied to every `subscribe` message. */
  readonly limiter: OperationLimiter;
  readonly safelist: Safelist;
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  readonly config: Pick<
    GatewayConfig,
    | 'INTERNAL_TOKEN_SECRET'
    | 'SUBGRAPH_WS_URLS'
    | 'SUBSCRIPTION_BUFFER_EVENTS'
    | 'SUBSCRIPTION_UPSTREAM_IDLE_MS'
    | 'MAX_BODY_BYTES'
    | 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET'
    | 'WS_MAX_SOCKETS_PER_VIEWER'
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
  const { apollo, supergraph, dataSources, config, logger, limiter, safelist } = options;
  const socketsPerCaller = new Map<string, number>();
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

  const keySockets = options.apiKeys
    ? watchApiKeySockets({ apiKeys: options.apiKeys, authenticate: options.authenticate })
    : undefined;

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

  // A frame is held to the size of an HTTP body: ws closes the socket with 1009 above it.
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    maxPayload: config.MAX_BODY_BYTES,
  });
  const handle = useServer<Record<string, unknown>, { connection: SocketConnection }>(
    {
      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        const id = requestIdOf(request);
        const auth = await authenticateConnection(ctx.connectionParams, options.authenticate);
        // Gone while its credentials were checked (an API key lookup can take a while): its close has already
        // fired, so it must not take a place among its caller's sockets that nothing would give back.
        if (socket.readyState !== socket.OPEN) return false;
        if ('closeCode' in auth) {
          logger.info({ connectionId: id, code: auth.closeCode }, 'socket refused');
          socket.close(auth.closeCode, auth.reason);
          return false;
        }
        const owner = auth.apiKeyId ? `key:${auth.apiKeyId}` : `user:${auth.viewer.userId}`;
        const open = socketsPerCaller.get(owner) ?? 0;
        if (open >= config.WS_MAX_SOCKETS_PER_VIEWER) {
          const reason = `Too many sockets: at most ${config.WS_MAX_SOCKETS_PER_VIEWER} per viewer`;
          socket.close(CLOSE_CODES.TOO_MANY_SOCKETS, reason);
          return false;
        }
        socketsPerCaller.set(owner, open + 1);
        socket.once('close', () => {
          const left = (socketsPerCaller.get(owner) ?? 1) - 1;
          if (left > 0) socketsPerCaller.set(owner, left);
          else socketsPerCaller.delete(owner);
        });
        closeOnExpiry(socket, auth.expiresAt);
        if (auth.apiKeyId) keySockets?.watch(socket, auth.apiKeyId, authorizationOf(ctx.connectionParams)!);
        const viewerToken = createViewerSigner(auth.viewer, config.INTERNAL_TOKEN_SECRET);
        const connection: SocketConnection = {
          id,
          socket,
          viewer: auth.viewer,
          apiKeyId: auth.apiKeyId,
          viewerToken,
          log: logger.child({ connectionId: id, userId: auth.viewer.userId }),
          // This socket's own: disposed in onClose, however the socket ends (see UpstreamPool).
          upstream: new UpstreamPool({
            connectionParams: async () => ({ [VIEWER_CONNECTION_PARAM]: await viewerToken(), requestId: id }),
            idleMs: config.SUBSCRIPTION_UPSTREAM_IDLE_MS,
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
        // Closing (4403: its credentials expired, or its key was revoked): the client may still send until it
        // answers the close, but nothing more runs on credentials the socket no longer has.
        if (connection.socket.readyState !== connection.socket.OPEN) {
          const message = 'The socket is closing; open a new one.';
          return [new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const checked = limiter.check(
          snapshot.apiSchema,
          payload.query,
          payload.variables ?? {},
          payload.operationName ?? undefined,
        );
        if (checked && !('document' in checked)) return [checked];
        const unlisted = checked && safelist(checked.document, connection.viewer);
        if (unlisted) return [unlisted];
        if (connection.subscriptions.size >= config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET) {
          const limit = config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET;
          const message = `A socket may hold at most ${limit} subscriptions at once; complete one first.`;
          return [
            new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', limit: 'subscriptions' } }),
          ];
        }
        const valid = validateOperation(snapshot.apiSchema, payload);
        if (!('document' in valid)) return valid;
        const beyondScopes =
          connection.apiKeyId &&
          apiKeyScopeRefusal(supergraph, valid.document, valid.operationName, connection.viewer.scopes);
        // Over a socket there is no HTTP status to set: the code and the missing scopes say it all.
        if (beyondScopes) return [withoutHttp(beyondScopes)];
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
      keySockets?.close();
      await handle.dispose();
      await Promise.all([...connections].map((connection) => connection.upstream.dispose()));
      connections.clear();
    },
  };
}

const withoutHttp = (error: GraphQLError): GraphQLError => {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
};

/**
 * Closes the socket with 4403 when its credentials expire: a socket is never worth more than the token that
 * opened it. (Timers cap at about 24.8 days; a longer-lived credential is re-checked then.)
 */
function closeOnExpiry(socket: WebSocket, expiresAt: number | undefined): void {
  if (expiresAt === undefined) return;
  const MAX_TIMER_MS = 2 ** 31 - 1;
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) {
      socket.close(CLOSE_CODES.FORBIDDEN, 'Forbidden: the token has expired');
      return;
    }
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
  };
  arm();
  socket.once('close', () => clearTimeout(timer));
}
