import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  createErrorFormatter,
  createHttpApp,
  createLogger,
  createServiceMetrics,
  handleGraphQLRequest,
  HttpError,
  signViewerToken,
  useOperationMetrics,
  type Logger,
  type ServiceMetrics,
} from '@sophia/kit';
import { AuthenticationError, createAuthenticator } from './auth/authenticate.ts';
import { createDevLogin } from './auth/dev-login.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayConfig } from './env.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';
import { supergraphFromFile } from './supergraph-file.ts';

export interface GatewayService {
  readonly httpServer: Server;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/**
 * Builds the gateway — @apollo/gateway inside Apollo Server 5 on node:http — without binding a port.
 * It knows nothing of Sophia's schema: any federation's supergraph is served unchanged.
 */
export async function createGateway(
  config: GatewayConfig,
  options: { logger?: Logger } = {},
): Promise<GatewayService> {
  const logger = options.logger ?? createLogger('gateway', config.LOG_LEVEL);
  const metrics = createServiceMetrics('gateway');
  const authenticate = createAuthenticator(config);

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile({
      path: resolve(config.SUPERGRAPH_PATH),
      routingUrls: config.SUBGRAPH_URLS,
      pollMs: config.SUPERGRAPH_POLL_MS,
      logger,
    }),
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, url ?? '', config.SUBGRAPH_TIMEOUTS[name] ?? config.SUBGRAPH_TIMEOUT_MS),
    logger,
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    formatError: createErrorFormatter(logger, 'gateway'),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      // GET /graphql in a browser opens Apollo Sandbox on this endpoint.
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      useOperationMetrics(metrics),
    ],
  });
  await apollo.start();
  let ready = true;

  const routes: Parameters<typeof createHttpApp>[0]['routes'] = {
    '/graphql': async (req, res, requestId) => {
      const viewer = await authenticate(req.headers.authorization).catch((error: unknown) => {
        if (error instanceof AuthenticationError) throw new HttpError(401, 'UNAUTHENTICATED', error.message);
        throw error;
      });
      let token: Promise<string> | undefined;
      const context: GatewayContext = {
        viewer,
        requestId,
        log: logger.child({ requestId, userId: viewer.userId }),
        viewerToken: () => (token ??= signViewerToken(viewer, config.INTERNAL_TOKEN_SECRET)),
      };
      await handleGraphQLRequest(apollo, req, res, async () => context);
    },
    ...(config.SOPHIA_AUTH_MODE === 'dev' ? { '/auth/dev-login': createDevLogin(config) } : {}),
  };

  const httpServer = createHttpApp({ logger, metrics, isReady: () => ready, routes });

  return {
    httpServer,
    logger,
    metrics,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolveListen, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const bound = (httpServer.address() as AddressInfo).port;
          resolveListen({ port: bound, url: `http://localhost:${bound}/graphql` });
        });
      }),
    close: async () => {
      ready = false;
      const closed = new Promise<void>((done) => httpServer.close(() => done()));
      httpServer.closeIdleConnections();
      await apollo.stop();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
