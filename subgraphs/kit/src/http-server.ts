import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { HttpError, sendGraphQLError, sendJson } from './http-graphql.ts';
import type { ServiceMetrics } from './metrics.ts';
import { traceIncomingRequest } from './telemetry/http-server-span.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>;

export interface HttpAppOptions {
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  /** Ready to take traffic (store open, schema loaded). Drives `/readyz`. */
  readonly isReady: () => boolean;
  /**
   * `/metrics` on its own admin server on this port (bound with the service, on the same address, and closed
   * with it) instead of the service port, so the public port never shows it. 0 picks a free port.
   */
  readonly metricsPort?: number | undefined;
  /** Routes by exact path; `/healthz`, `/readyz` and (without `metricsPort`) `/metrics` are added. */
  readonly routes: Readonly<Record<string, RouteHandler>>;
  /** Handles paths with no route (the gateway serves the dashboard here); 404 otherwise. */
  readonly fallback?: RouteHandler;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const UNTRACED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** Request ids are taken from the caller when sane, so one id follows a request across services. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** A node:http server with health, readiness and metrics routes; every failure becomes a coded error. */
export function createHttpApp(options: HttpAppOptions): Server {
  const { logger, metrics, isReady, metricsPort } = options;
  const serveMetrics: RouteHandler = async (_req, res) => {
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(await metrics.registry.metrics());
  };
  const routes: Record<string, RouteHandler> = {
    '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': async (_req, res) =>
      isReady() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'starting' }),
    ...(metricsPort === undefined ? { '/metrics': serveMetrics } : {}),
    ...options.routes,
  };
  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = routes[path] ?? options.fallback;
    const route = routes[path] ? path : 'other';
    res.on('finish', () => metrics.httpRequests.inc({ route, status: String(res.statusCode) }));
    if (!handler) {
      sendJson(res, 404, { error: 'NOT_FOUND', path });
      return;
    }
    const run = () =>
      handler(req, res, requestId).catch((error: unknown) => {
        if (error instanceof HttpError) {
          sendGraphQLError(res, error.status, error.code, error.message);
          return;
        }
        logger.error({ err: error, requestId, path }, 'request failed');
        sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal error (request ${requestId}).`);
      });
    // Probes and scrapes are not traced: they would drown the traces people look for.
    if (UNTRACED_ROUTES.has(route)) void run();
    else traceIncomingRequest(req, res, route, () => void run());
  });
  if (metricsPort !== undefined) attachMetricsServer(server, metricsPort, serveMetrics, logger);
  return server;
}

function attachMetricsServer(service: Server, port: number, serve: RouteHandler, logger: Logger): void {
  const admin = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/metrics') return sendJson(res, 404, { error: 'NOT_FOUND', path });
    serve(req, res, requestIdOf(req)).catch((error: unknown) => {
      logger.error({ err: error }, 'metrics failed');
      sendJson(res, 500, { error: 'INTERNAL_SERVER_ERROR' });
    });
  });
  service.on('listening', () => {
    const { address } = service.address() as AddressInfo;
    admin.once('error', (error) => logger.error({ err: error, port }, 'metrics port unavailable'));
    admin.listen(port, address, () =>
      logger.info({ port: (admin.address() as AddressInfo).port }, 'metrics'),
    );
  });
  service.on('close', () => admin.close());
}

/** Binds the port (0 picks a free one); resolves with the port actually bound, rejects on EADDRINUSE & co. */
export function listenHttp(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
