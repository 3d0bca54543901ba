import type { Redis } from 'ioredis';

/** What a key holds: a mutation running under it, or the answer it got. */
export type IdempotencyRecord =
  | { readonly state: 'running'; readonly fingerprint: string }
  | { readonly state: 'done'; readonly fingerprint: string; readonly response: string };

export interface IdempotencyStore {
  /** Claims `key` for a new run; or what an earlier request with the key left there. */
  claim(key: string, fingerprint: string): Promise<'claimed' | IdempotencyRecord>;
  /** Keeps the answer of the run that claimed `key`, for its retries. */
  complete(key: string, fingerprint: string, response: string): Promise<void>;
  /** Frees `key` after a run that failed, so that a retry runs again. */
  release(key: string): Promise<void>;
}

export interface IdempotencyTimes {
  /** How long a claimed key waits for its answer before another request may run under it. */
  readonly runningMs: number;
  /** How long an answer is kept for retries. */
  readonly keptMs: number;
}

/** In one process: at most `maxKeys` keys, the oldest dropped first. */
export function createMemoryIdempotencyStore(times: IdempotencyTimes, maxKeys = 10_000): IdempotencyStore {
  const records = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();
  const put = (key: string, record: IdempotencyRecord, ttlMs: number) => {
    records.delete(key);
    records.set(key, { record, expiresAt: Date.now() + ttlMs });
    for (const oldest of records.keys()) {
      if (records.size <= maxKeys) break;
      records.delete(oldest);
    }
  };
  return {
    claim: async (key, fingerprint) => {
      const found = records.get(key);
      if (found && found.expiresAt > Date.now()) return found.record;
      put(key, { state: 'running', fingerprint }, times.runningMs);
      return 'claimed';
    },
    complete: async (key, fingerprint, response) =>
      put(key, { state: 'done', fingerprint, response }, times.keptMs),
    release: async (key) => void records.delete(key),
  };
}

/**
 * In Redis, shared by every gateway replica: a retry that reaches another replica gets the same answer. While
 * Redis is away, `fallback` (this replica's memory) answers instead of failing the mutation.
 */
export function createRedisIdempotencyStore(
  redis: Redis,
  times: IdempotencyTimes,
  fallback: IdempotencyStore,
): IdempotencyStore {
  const redisKey = (key: string) => `sophia:idempotency:${key}`;
  return {
    claim: async (key, fingerprint) => {
      try {
        const running = JSON.stringify({ state: 'running', fingerprint });
        if (await redis.set(redisKey(key), running, 'PX', times.runningMs, 'NX')) return 'claimed';
        const found = await redis.get(redisKey(key));
        return found ? (JSON.parse(found) as IdempotencyRecord) : 'claimed';
      } catch {
        return fallback.claim(key, fingerprint);
      }
    },
    complete: async (key, fingerprint, response) => {
      const done = JSON.stringify({ state: 'done', fingerprint, response });
      await redis
        .set(redisKey(key), done, 'PX', times.keptMs)
        .catch(() => fallback.complete(key, fingerprint, response));
    },
    release: async (key) => {
      await redis.del(redisKey(key)).catch(() => fallback.release(key));
    },
  };
}

/** A claimed key outlives the slowest mutation plan; an answer is kept for a day of retries. */
const TIMES: IdempotencyTimes = { runningMs: 120_000, keptMs: 86_400_000 };

/** In Redis when the gateway has one (every replica shares the keys), in this process otherwise. */
export function createIdempotencyStore(redis: Redis | undefined, times = TIMES): IdempotencyStore {
  const memory = createMemoryIdempotencyStore(times);
  return redis ? createRedisIdempotencyStore(redis, times, memory) : memory;
}
