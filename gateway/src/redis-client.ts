import { Redis } from 'ioredis';
import type { Logger } from '@sophia/kit';

/**
 * The gateway's one Redis connection (rate limits, persisted queries, API key revocations), or undefined
 * without REDIS_URL. Commands fail fast while Redis is away (no offline queue): each user falls back to its
 * in-process behaviour instead of waiting.
 */
export function createGatewayRedis(url: string | undefined, logger: Logger): Redis | undefined {
  if (!url) return undefined;
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'gateway Redis error'));
  return redis;
}
