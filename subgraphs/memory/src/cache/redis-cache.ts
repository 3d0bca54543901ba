import type { Redis } from 'ioredis';
import { generationSeed, type CacheHit, type HotCache } from './hot-cache.ts';

export interface RedisCacheOptions {
  /**
   * Prefix of every key, so several deployments can share one Redis.
   * @default 'sophia:'
   */
  readonly keyPrefix?: string;
  /**
   * Time to live of a value stored without one, in milliseconds.
   * @default 300000
   */
  readonly defaultTtlMs?: number;
}

/**
 * Client options the resilient cache relies on: fail fast rather than queue while Redis is away, so a request
 * falls back to the in-process cache within `commandTimeout` instead of hanging.
 */
export const REDIS_CLIENT_OPTIONS = {
  commandTimeout: 250,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  retryStrategy: (attempt: number) => Math.min(attempt * 100, 2000),
} as const;

/** The shared L1 in Redis. Pass a client created with `REDIS_CLIENT_OPTIONS`; the caller owns and closes it. */
export function createRedisCache(redis: Redis, options: RedisCacheOptions = {}): HotCache {
  const prefix = options.keyPrefix ?? 'sophia:';
  const defaultTtlMs = options.defaultTtlMs ?? 300_000;
  const genKey = (tag: string) => `${prefix}gen:${tag}`;
  const hit = <T>(text: string | null): CacheHit<T> | undefined =>
    text === null ? undefined : { value: JSON.parse(text) as T, servedFrom: 'L1', backend: 'redis' };

  const getMany = async <T>(keys: readonly string[]) =>
    keys.length === 0 ? [] : (await redis.mget(keys.map((key) => prefix + key))).map((text) => hit<T>(text));

  return {
    backend: 'redis',
    ready: () => redis.status === 'ready',
    get: async <T>(key: string) => hit<T>(await redis.get(prefix + key)),
    getMany,
    async set(key, value, ttlMs) {
      await redis.set(prefix + key, JSON.stringify(value), 'PX', ttlMs ?? defaultTtlMs);
    },
    async delete(keys) {
      if (keys.length > 0) await redis.unlink(...keys.map((key) => prefix + key));
    },
    async generations(tags) {
      if (tags.length === 0) return [];
      const pipeline = redis.pipeline();
      // SET NX seeds a missing counter from the clock; MGET then reads all of them in the same round trip.
      for (const tag of tags) pipeline.set(genKey(tag), generationSeed(), 'NX');
      pipeline.mget(tags.map(genKey));
      const results = await pipeline.exec();
      const [error, values] = results?.at(-1) ?? [new Error('empty pipeline reply'), null];
      if (error) throw error;
      return (values as (string | null)[]).map(Number);
    },
    async invalidate(tags) {
      if (tags.length === 0) return;
      const pipeline = redis.pipeline();
      for (const tag of tags) pipeline.set(genKey(tag), generationSeed(), 'NX').incr(genKey(tag));
      for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
    },
    async flush() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        const values = keys.filter((key) => !key.startsWith(`${prefix}gen:`));
        if (values.length > 0) await redis.unlink(...values);
        cursor = next;
      } while (cursor !== '0');
    },
  };
}
