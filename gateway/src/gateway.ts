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
  handleGraphQLRequest,
  HttpError,
  listenHttp,
  signViewerToken,
  useOperationMetrics,
  type Logger,
  type ServiceMetrics,
  type Viewer,
} from '@sophia/kit';
import { AuthenticationError, createAuthenticator } from './auth/authenticate.ts';
import { createDevLogin } from './auth/dev-login.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayConfig } from './env.ts';
import { createMcpEndpoint } from './mcp/mcp-endpoint.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';
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
  const authenticate = createAuthenticator(config);
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
      const dataSource = new SubgraphDataSource(name, url ?? '', timeoutMs);
      dataSources.set(name, dataSource);
      return dataSource;
    },
    logger,
  });
  const supergraph = trackSupergraph(gateway);

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.GRAPHQL_INTROSPECTION,
    plugins: [
      // GET /graphql in a browser opens Apollo Sandbox on this endpoint (development, or when enabled).
      config.SANDBOX_ENABLED
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      useOperationMetrics(metrics),
    ],
  });
  await apollo.start();
  let ready = true;

  // One request context for /graphql and /mcp tools alike.
  const contextFor = (viewer: Viewer, requestId: string): GatewayContext => {
    let token: Promise<string> | undefined;
    return {
      viewer,
      requestId,
      log: logger.child({ requestId, userId: viewer.userId }),
      viewerToken: () => (token ??= signViewerToken(viewer, config.INTERNAL_TOKEN_SECRET)),
    };
  };
  const mcp = await createMcpEndpoint({ config, apollo, supergraph, authenticate, contextFor, logger });

  const routes: Parameters<typeof createHttpApp>[0]['routes'] = {
    '/graphql': async (req, res, requestId) => {
      const viewer = await authenticate(req.headers.authorization).catch((error: unknown) => {
        if (error instanceof AuthenticationError) throw new HttpError(401, 'UNAUTHENTICATED', error.message);
        throw error;
      });
      const context = contextFor(viewer, requestId);
      await handleGraphQLRequest(apollo, req, res, async () => context);
    },
    '/mcp': mcp.handle,
    // Demo logins exist only in development: production refuses SOPHIA_AUTH_MODE=dev at start.
    ...(config.SOPHIA_AUTH_MODE === 'dev' && config.SOPHIA_ENV === 'development'
      ? { '/auth/dev-login': createDevLogin(config) }
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
    authenticate,
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
      await apollo.stop();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
