import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  createErrorFormatter,
  createHttpApp,
  createLogger,
  createServiceMetrics,
  listenHttp,
  signViewerToken,
  useOperationMetrics,
  type Logger,
  type ServiceMetrics,
} from '@sophia/kit';
import { createApiKeys } from './auth/api-keys/api-keys.ts';
import { useApiKeyRevocations } from './auth/api-keys/use-api-key-revocations.ts';
import { useApiKeyScopes } from './auth/api-keys/use-api-key-scopes.ts';
import { createCallerAuthenticator, type Caller } from './auth/authenticate.ts';
import { createDevLogin } from './auth/dev-login.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayConfig } from './env.ts';
import { createGraphQLRoute } from './graphql-route.ts';
import { createIdempotencyStore, useIdempotencyKeys } from './idempotency/index.ts';
import { createOperationLimiter, hideFieldSuggestions } from './limits/operation-limits.ts';
import { createRateLimits, withRateLimit } from './limits/rate-limits.ts';
import { createRedisApqCache, createSafelist } from './limits/persisted-operations.ts';
import { loadRegisteredOperations } from './limits/registered-operations.ts';
import { createMcpEndpoint } from './mcp/mcp-endpoint.ts';
import { createGatewayRedis } from './redis-client.ts';
import { createLoadShedder, createResilienceMetrics, createSubgraphResilience } from './resilience/index.ts';
import { copyResponse, SubgraphDataSource } from './subgraph-data-source.ts';
import { createStaticFiles } from './static-files.ts';
import { serveGraphQLOverWebSocket } from './subscriptions/graphql-ws-server.ts';
import { trackSupergraph } from './subscriptions/supergraph-tracker.ts';
import { supergraphFromFile } from './supergraph-file.ts';

export interface GatewayService {
  readonly httpServer: Server;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/**
 * Builds the gateway — @apollo/gateway inside Apollo Server 5 on node:http, with graphql-ws on the same
 * /graphql port for federated subscriptions — without binding a port. It knows nothing of Sophia's schema:
 * any federation's supergraph is served unchanged.
 */
export async function createGateway(
  config: GatewayConfig,
  options: { logger?: Logger } = {},
): Promise<GatewayService> {
  const logger = options.logger ?? createLogger('gateway', config.LOG_LEVEL);
  const metrics = createServiceMetrics('gateway');
  const resilienceMetrics = createResilienceMetrics(metrics.registry);
  const shedder = createLoadShedder(config, resilienceMetrics);
  const redis = createGatewayRedis(config.REDIS_URL, logger);
  const limiter = createOperationLimiter(config);
  const registered = loadRegisteredOperations({
    operationsDir: resolve(config.MCP_OPERATIONS_DIR),
    dashboardDocuments: resolve(config.DASHBOARD_DOCUMENTS_PATH),
  });
  const safelist = createSafelist(config.SAFELIST_ENABLED, registered);
  const rateLimits = createRateLimits(config, redis);
  const formatError = createErrorFormatter(logger, 'gateway');
  // The data sources the gateway builds, by subgraph: subscription events fetch their entities through them.
  const dataSources = new Map<string, SubgraphDataSource>();

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile({
      path: resolve(config.SUPERGRAPH_PATH),
      routingUrls: config.SUBGRAPH_URLS,
      pollMs: config.SUPERGRAPH_POLL_MS,
      logger,
    }),
    buildService: ({ name, url }) => {
      const timeoutMs = config.SUBGRAPH_TIMEOUTS[name] ?? config.SUBGRAPH_TIMEOUT_MS;
      const resilience = createSubgraphResilience(name, config, resilienceMetrics, copyResponse);
      const dataSource = new SubgraphDataSource(name, url ?? '', timeoutMs, resilience);
      dataSources.set(name, dataSource);
      return dataSource;
    },
    logger,
  });
  const supergraph = trackSupergraph(gateway);
  const apiKeys = createApiKeys({ config, supergraph, redis, logger });
  const authenticateCaller = createCallerAuthenticator(config, apiKeys);

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.GRAPHQL_INTROSPECTION,
    // Checked before Apollo Server sees a request (graphql-route.ts); kept here for every other path in.
    parseOptions: { maxTokens: config.MAX_TOKENS },
    allowBatchedHttpRequests: config.MAX_BATCH > 1,
    csrfPrevention: true,
    // runService drains on SIGTERM; Apollo's own handler would stop first and re-send the signal (exit 1).
    stopOnTerminationSignals: false,
    // Automatic persisted queries, shared by every replica through Redis (in-process without it).
    ...(redis ? { persistedQueries: { cache: createRedisApqCache(redis) } } : {}),
    plugins: [
      // Without introspection, "Did you mean …?" would still spell the schema out field by field.
      ...(config.GRAPHQL_INTROSPECTION ? [] : hideFieldSuggestions()),
      // GET /graphql in a browser opens Apollo Sandbox on this endpoint (development, or when enabled).
      config.SANDBOX_ENABLED
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      useOperationMetrics(metrics, { isRegistered: (name) => registered.names.has(name) }),
      // An API key runs only what its scopes cover; a revoked key stops on every replica.
      useApiKeyScopes(supergraph),
      useApiKeyRevocations(apiKeys),
      // A mutation retried with its Idempotency-Key gets its first answer again instead of running twice.
      useIdempotencyKeys(createIdempotencyStore(redis)),
    ],
  });
  await apollo.start();
  let ready = true;

  // One request context for /graphql and /mcp tools alike.
  const contextFor = ({ viewer, apiKeyId }: Caller, requestId: string): GatewayContext => {
    let token: Promise<string> | undefined;
    return {
      viewer,
      apiKeyId,
      requestId,
      log: logger.child({ requestId, userId: viewer.userId }),
      viewerToken: () => (token ??= signViewerToken(viewer, config.INTERNAL_TOKEN_SECRET)),
    };
  };
  const mcp = await createMcpEndpoint({
    config,
    apollo,
    supergraph,
    authenticate: authenticateCaller,
    contextFor,
    limiter,
    rateLimits,
    logger,
  });

  const routes: Parameters<typeof createHttpApp>[0]['routes'] = {
    // Shed first: an overloaded gateway refuses before it spends anything on the request.
    '/graphql': shedder.guard(
      createGraphQLRoute({
        apollo,
        supergraph,
        authenticate: authenticateCaller,
        limiter,
        safelist,
        rateLimits,
        contextFor,
        config,
      }),
    ),
    '/mcp': shedder.guard(mcp.handle),
    '/operations': shedder.guard(mcp.operations),
    // Demo logins exist only in development: production refuses SOPHIA_AUTH_MODE=dev at start.
    ...(config.SOPHIA_AUTH_MODE === 'dev' && config.SOPHIA_ENV === 'development'
      ? { '/auth/dev-login': withRateLimit(rateLimits, 'auth', config, createDevLogin(config)) }
      : {}),
  };

  const httpServer = createHttpApp({
    logger,
    metrics,
    metricsPort: config.METRICS_PORT,
    isReady: () => ready,
    routes,
    fallback: createStaticFiles(resolve(config.WEB_DIST_DIR)),
  });
  const webSocket = serveGraphQLOverWebSocket({
    httpServer,
    apollo,
    supergraph,
    dataSources,
    authenticate: authenticateCaller,
    apiKeys,
    limiter,
    safelist,
    formatError,
    config,
    logger,
    metrics,
  });

  return {
    httpServer,
    logger,
    metrics,
    listen: async (port, host = config.HOST) => {
      const bound = await listenHttp(httpServer, port, host);
      return { port: bound, url: `http://localhost:${bound}/graphql` };
    },
    close: async () => {
      ready = false;
      const closed = new Promise<void>((done) => httpServer.close(() => done()));
      httpServer.closeIdleConnections();
      await webSocket.dispose();
      mcp.close();
      supergraph.stop();
      shedder.close();
      await apollo.stop();
      apiKeys.close();
      redis?.disconnect();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
