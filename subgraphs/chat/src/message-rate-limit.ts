import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** What `take` answers: allowed, or refused with when to come back. */
export type MessageAllowance =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Messages per user per minute (CHAT_RATE_PER_MINUTE). */
export interface MessageRateLimit {
  /** Counts one message of `userId`'s; refused (and not counted) once they have sent the minute's allowance. */
  take(userId: string): Promise<MessageAllowance>;
  /** Resolves once the budget is shared (Redis connected); at once without Redis. */
  shared(): Promise<void>;
  close(): Promise<void>;
}

export interface MessageRateLimitOptions {
  readonly perMinute: number;
  /** Shared by every chat replica when set; without it each process counts alone. */
  readonly redisUrl?: string | undefined;
  readonly onRedisError?: (error: unknown) => void;
}

/**
 * The per-user message budget: in Redis when REDIS_URL is set, so a user's messages count the same whichever
 * chat replica the gateway sends them to; in this process otherwise. While Redis is unreachable each replica
 * limits on its own (rate-limiter-flexible's insurance limiter) rather than letting everything through.
 */
export function createMessageRateLimit(options: MessageRateLimitOptions): MessageRateLimit {
  const budget = { keyPrefix: 'sophia:rl:chat-messages', points: options.perMinute, duration: 60 };
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract = new RateLimiterMemory(budget);
  if (options.redisUrl !== undefined) {
    // No offline queue: while Redis is away a message is not held up; the insurance limiter answers at once.
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (error: unknown) => options.onRedisError?.(error));
    limiter = new RateLimiterRedis({ ...budget, storeClient: redis, insuranceLimiter: limiter });
  }
  return {
    async take(userId) {
      try {
        await limiter.consume(userId);
        return { allowed: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
    },
    async shared() {
      if (redis && redis.status !== 'ready') await new Promise((resolve) => redis?.once('ready', resolve));
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis?.disconnect());
    },
  };
}
