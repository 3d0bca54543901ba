import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { ANONYMOUS, type RouteHandler, type Viewer } from '@sophia/kit';
import type { GatewayConfig } from '../env.ts';

/** What a refused request is told: when to come back. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; retry after ${retryAfterSeconds} s.`);
  }
}

export type RateLimitedRoute = 'graphql' | 'mcp' | 'auth';

export interface RateLimits {
  /**
   * Spends `points` of `route`'s budget for the caller (per viewer or API key, per address when anonymous);
   * throws RateLimitedError when it is spent. Budgets live in Redis when REDIS_URL is set, so every replica
   * counts the same calls.
   */
  consume(route: RateLimitedRoute, caller: CallerKey, points?: number): Promise<void>;
}

/** Who a budget belongs to: the API key, else the signed-in viewer, else the address. */
export interface CallerKey {
  readonly viewer: Viewer;
  readonly apiKeyId?: string | undefined;
  readonly address: string;
}

export const callerKeyOf = (key: CallerKey): string =>
  key.apiKeyId
    ? `key:${key.apiKeyId}`
    : key.viewer.userId
      ? `user:${key.viewer.userId}`
      : `ip:${key.address}`;

/** Anonymous callers share an address (an office, a NAT): they get a tenth of a signed-in viewer's budget. */
const ANONYMOUS_SHARE = 10;

type Budgets = Pick<
  GatewayConfig,
  'RATE_LIMIT_COST_PER_MINUTE' | 'RATE_LIMIT_MCP_PER_MINUTE' | 'RATE_LIMIT_AUTH_PER_MINUTE'
>;

export function createRateLimits(config: Budgets, redis: Redis | undefined): RateLimits {
  const make = (name: string, points: number): RateLimiterAbstract => {
    const options = { keyPrefix: `sophia:rl:${name}`, points, duration: 60 };
    if (!redis) return new RateLimiterMemory(options);
    // Redis unreachable: each replica limits on its own rather than letting everything through.
    return new RateLimiterRedis({
      ...options,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
  const limiters = {
    graphql: make('graphql', config.RATE_LIMIT_COST_PER_MINUTE),
    graphqlAnonymous: make(
      'graphql-anon',
      Math.max(1, Math.floor(config.RATE_LIMIT_COST_PER_MINUTE / ANONYMOUS_SHARE)),
    ),
    mcp: make('mcp', config.RATE_LIMIT_MCP_PER_MINUTE),
    auth: make('auth', config.RATE_LIMIT_AUTH_PER_MINUTE),
  };
  return {
    async consume(route, caller, points = 1) {
      const anonymous = !caller.apiKeyId && caller.viewer.userId === null;
      const limiter = route === 'graphql' && anonymous ? limiters.graphqlAnonymous : limiters[route];
      try {
        await limiter.consume(callerKeyOf(caller), Math.max(1, Math.ceil(points)));
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) {
          throw new RateLimitedError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
        }
        throw refusal;
      }
    },
  };
}

/**
 * The caller's address: the socket's peer, or with TRUSTED_PROXY_HOPS set, the address that many proxies back
 * in X-Forwarded-For (each proxy appends the peer it saw; only the ones you run can be believed).
 */
export function clientAddressOf(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return hops[hops.length - trustedHops] ?? peer;
}

export function sendRateLimited(res: ServerResponse, error: RateLimitedError): void {
  res.writeHead(429, {
    'content-type': 'application/json; charset=utf-8',
    'retry-after': String(error.retryAfterSeconds),
  });
  const extensions = { code: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds };
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

/** `handler` behind a per-address budget (the /auth/* routes, where nobody is signed in yet). */
export function withRateLimit(
  limits: RateLimits,
  route: RateLimitedRoute,
  config: Pick<GatewayConfig, 'TRUSTED_PROXY_HOPS'>,
  handler: RouteHandler,
): RouteHandler {
  return async (req, res, requestId) => {
    const address = clientAddressOf(req, config.TRUSTED_PROXY_HOPS);
    try {
      await limits.consume(route, { viewer: ANONYMOUS, address });
    } catch (error) {
      if (error instanceof RateLimitedError) return sendRateLimited(res, error);
      throw error;
    }
    await handler(req, res, requestId);
  };
}
