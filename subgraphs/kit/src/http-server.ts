import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { HttpError, sendGraphQLError, sendJson } from './http-graphql.ts';
import type { ServiceMetrics } from './metrics.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>;

export interface HttpAppOptions {
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  /** Ready to take traffic (store open, schema loaded). Drives `/readyz`. */
  readonly isReady: () => boolean;
  /** Routes by exact path; `/healthz`, `/readyz` and `/metrics` are added. */
  readonly routes: Readonly<Record<string, RouteHandler>>;
  /** Handles paths with no route (the gateway serves the dashboard here); 404 otherwise. */
  readonly fallback?: RouteHandler;
}

export const REQUEST_ID_HEADER = 'x-request-id';

/** Request ids are taken from the caller when sane, so one id follows a request across services. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** A node:http server with health, readiness and metrics routes; every failure becomes a coded error. */
export function createHttpApp(options: HttpAppOptions): Server {
  const { logger, metrics, isReady } = options;
  const routes: Record<string, RouteHandler> = {
    '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': async (_req, res) =>
      isReady() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'starting' }),
    '/metrics': async (_req, res) => {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
    },
    ...options.routes,
  };
  return createServer((req, res) => {
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
    handler(req, res, requestId).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendGraphQLError(res, error.status, error.code, error.message);
        return;
      }
      logger.error({ err: error, requestId, path }, 'request failed');
      sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal error (request ${requestId}).`);
    });
  });
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
