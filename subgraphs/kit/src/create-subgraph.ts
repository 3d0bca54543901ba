import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { subscribe, type DocumentNode, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { BaseContext, SubgraphContext } from './context.ts';
import { createErrorFormatter } from './format-error.ts';
import { HttpError, handleGraphQLRequest } from './http-graphql.ts';
import { createHttpApp, listenHttp, type RouteHandler } from './http-server.ts';
import {
  deadlineOfHttpRequest,
  deadlineOfSocketOperation,
  type RequestDeadlineLimits,
} from './http-deadline.ts';
import { createLogger, type Logger } from './logger.ts';
import { createServiceMetrics, type ServiceMetrics } from './metrics.ts';
import { useOperationMetrics } from './operation-metrics.ts';
import { inOperationTrace, rememberTraceParent } from './telemetry/ws-trace.ts';
import { useListLimit } from './use-list-limit.ts';
import type { SecretsInput } from './internal-tokens.ts';
import { rememberedDocuments } from './socket-documents.ts';
import {
  VIEWER_CONNECTION_PARAM,
  VIEWER_HEADER,
  ViewerTokenError,
  verifyViewerToken,
  type Viewer,
} from './viewer.ts';

export interface SubgraphOptions<TContext extends BaseContext> {
  /** Service name: used in logs, metrics and error stamps. */
  readonly name: string;
  readonly typeDefs: DocumentNode;
  /**
   * The subgraph's resolver map, typed by its generated `Resolvers` (codegen). Codegen's federation types
   * (`__resolveReference` with a reference parent) do not fit `@apollo/subgraph`'s own map type, so the
   * map is accepted as an object here and handed over once, below.
   */
  readonly resolvers: object;
  /**
   * Secret shared with the gateway (with the ones it replaced, see `serviceSecurityOf`); requests without a
   * viewer token signed from it are refused with 401.
   */
  readonly internalTokenSecret: SecretsInput;
  /** Serve `/metrics` on this admin port instead of the service port (production: always, see env.ts). */
  readonly metricsPort?: number | undefined;
  /** How long a request's writes may wait to commit (see `serviceSecurityOf`). */
  readonly requestDeadline?: RequestDeadlineLimits;
  /** Extends the base context (with the request's deadline) with the subgraph's store and loaders. */
  readonly createContext: (base: SubgraphContext) => TContext;
  /** Resources to release after the server has drained (the store). */
  readonly onClose?: () => Promise<void>;
  /** @default an info-level pino logger named after the service */
  readonly logger?: Logger;
  /** The service's metrics, when the caller registers its own on the same registry first. */
  readonly metrics?: ServiceMetrics;
  /**
   * Routes besides `/graphql` (the project subgraph's internal API key lookup). Each checks its own caller:
   * no viewer token is verified for them here.
   */
  readonly routes?: Readonly<Record<string, RouteHandler>>;
}

export interface Subgraph {
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly httpServer: Server;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  /** Binds the port (0 picks a free one) and resolves with the address actually bound. */
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, lets in-flight requests finish, closes sockets, then releases resources. */
  close(): Promise<void>;
}

/**
 * Builds a subgraph — Apollo Server 5 over `@apollo/subgraph` on node:http, with graphql-ws on the same port
 * for subscriptions — without binding a port, so tests drive it in-process (STYLE: build without listening).
 */
export async function createSubgraph<TContext extends BaseContext>(
  options: SubgraphOptions<TContext>,
): Promise<Subgraph> {
  const { name, internalTokenSecret, createContext } = options;
  const logger = options.logger ?? createLogger(name);
  const metrics = options.metrics ?? createServiceMetrics(name);
  const resolvers = options.resolvers as GraphQLResolverMap<unknown>;
  const schema = buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers });
  const formatError = createErrorFormatter(logger, name);
  let ready = false;

  const apollo = new ApolloServer<TContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    logger,
    // Inline traces feed Apollo's hosted usage reporting, which Sophia does not use.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      useOperationMetrics(metrics),
      useListLimit(),
    ],
  });
  await apollo.start();

  const httpServer = createHttpApp({
    logger,
    metrics,
    metricsPort: options.metricsPort,
    isReady: () => ready,
    routes: {
      ...options.routes,
      '/graphql': async (req, res, requestId) => {
        const viewer = await viewerFromHeader(req.headers[VIEWER_HEADER], internalTokenSecret);
        const log = logger.child({ requestId, userId: viewer.userId });
        const deadline = deadlineOfHttpRequest(req, res, options.requestDeadline);
        await handleGraphQLRequest(apollo, req, res, async () =>
          createContext({ viewer, requestId, log, deadline }),
        );
      },
    },
  });

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsHandle = useServer<Record<string, unknown>, { viewer?: Viewer; streaming?: Set<string> }>(
    {
      schema,
      ...rememberedDocuments(),
      // Counted per operation id so that a leaked upstream subscription shows on /metrics.
      onOperation: (ctx, id, _payload, _args, result) => {
        if (!isAsyncIterable(result)) return;
        (ctx.extra.streaming ??= new Set()).add(id);
        metrics.subscriptionsActive.inc();
      },
      onComplete: (ctx, id) => {
        if (ctx.extra.streaming?.delete(id)) metrics.subscriptionsActive.dec();
      },
      // Errors over the socket are coded and masked exactly as over HTTP.
      onNext: (_ctx, _id, _payload, _args, { data, errors }) =>
        errors ? { data: data ?? null, errors: errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onConnect: async (ctx) => {
        // The viewer token is checked once, at the handshake: the gateway's socket lives on, and the gateway
        // closes its client's socket (and so this one) when the client's own credentials expire.
        try {
          ctx.extra.viewer = await verifyViewerToken(
            String(ctx.connectionParams?.[VIEWER_CONNECTION_PARAM] ?? ''),
            internalTokenSecret,
          );
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      context: async (ctx, _id, payload) => {
        const viewer = ctx.extra.viewer!;
        const requestId = String(ctx.connectionParams?.['requestId'] ?? 'ws');
        const value = await createContext({
          viewer,
          requestId,
          log: logger.child({ requestId, userId: viewer.userId }),
          deadline: deadlineOfSocketOperation(options.requestDeadline),
        });
        // The gateway sends its trace context in the operation's extensions: this operation joins that trace.
        return rememberTraceParent(value, payload.extensions);
      },
      subscribe: (args) =>
        inOperationTrace(args.contextValue, args.operationName ?? 'subscription', async () =>
          subscribe(args),
        ),
    },
    wsServer,
  );

  return {
    name,
    schema,
    httpServer,
    logger,
    metrics,
    listen: async (port, host = '127.0.0.1') => {
      const bound = await listenHttp(httpServer, port, host);
      ready = true;
      return { port: bound, url: `http://127.0.0.1:${bound}/graphql` };
    },
    close: async () => {
      ready = false;
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      await wsHandle.dispose();
      await apollo.stop();
      httpServer.closeAllConnections();
      await closed;
      await options.onClose?.();
    },
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

async function viewerFromHeader(
  header: string | string[] | undefined,
  secret: SecretsInput,
): Promise<Viewer> {
  try {
    return await verifyViewerToken(typeof header === 'string' ? header : undefined, secret);
  } catch (error) {
    if (error instanceof ViewerTokenError) {
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        'This service answers only requests signed by the Sophia gateway; send your request to the gateway.',
      );
    }
    throw error;
  }
}
