import type { Logger } from '@sophia/kit';
import type { CacheMetrics } from './cache-metrics.ts';
import type { HotCache } from './hot-cache.ts';

export interface ResilientCacheOptions {
  readonly log: Pick<Logger, 'warn' | 'info'>;
  readonly metrics?: CacheMetrics;
  /**
   * How long after a failure Redis is left alone before the cache tries to return to it, in milliseconds.
   * @default 1000
   */
  readonly probeIntervalMs?: number;
  /**
   * Most keys and tags remembered while degraded; beyond it the whole Redis namespace is flushed on return.
   * @default 10000
   */
  readonly journalLimit?: number;
}

type State = 'primary' | 'degraded' | 'recovering';

/**
 * Redis first, this process's cache while Redis is away; no call ever rejects because of Redis.
 *
 * Returning to Redis: every key written or deleted and every tag invalidated while degraded is journalled, and
 * replayed on Redis (keys deleted, generations bumped) before Redis serves again; calls keep using the fallback
 * until the replay is done, and writes made during the replay are replayed too. We chose this over a local epoch
 * folded into keys because an epoch is per process and would stop replicas sharing entries, and over flushing
 * the namespace because a flush drops every replica's embeddings; the journal flushes only when it overflows.
 * Entering degraded mode clears the fallback, so values it kept from an earlier outage are never served.
 */
export function createResilientCache(
  primary: HotCache,
  fallback: HotCache,
  options: ResilientCacheOptions,
): HotCache {
  const { log, metrics } = options;
  const probeIntervalMs = options.probeIntervalMs ?? 1000;
  const journalLimit = options.journalLimit ?? 10_000;
  let state: State = primary.ready() ? 'primary' : 'degraded';
  let failedAt = 0;
  let journal = { keys: new Set<string>(), tags: new Set<string>(), overflowed: false };
  metrics?.degraded.set(state === 'primary' ? 0 : 1);

  const degrade = (error: unknown) => {
    failedAt = Date.now();
    if (state !== 'primary') return;
    state = 'degraded';
    metrics?.degraded.set(1);
    log.warn({ err: error }, 'L1 cache: Redis unavailable, serving from the in-process cache');
    void fallback.flush();
  };

  const record = (keys: readonly string[], tags: readonly string[] = []) => {
    for (const key of keys) journal.keys.add(key);
    for (const tag of tags) journal.tags.add(tag);
    if (journal.keys.size + journal.tags.size > journalLimit) {
      journal = { keys: new Set(), tags: new Set(), overflowed: true };
    }
  };

  const replay = async () => {
    for (;;) {
      const taken = journal;
      journal = { keys: new Set(), tags: new Set(), overflowed: false };
      try {
        if (taken.overflowed) await primary.flush();
        else {
          const keys = [...taken.keys];
          for (let start = 0; start < keys.length; start += 1000) {
            await primary.delete(keys.slice(start, start + 1000));
          }
          await primary.invalidate([...taken.tags]);
        }
      } catch (error) {
        record([...taken.keys], [...taken.tags]);
        if (taken.overflowed) journal.overflowed = true;
        throw error;
      }
      // No await between this check and the switch: nothing can be written to the fallback unjournalled.
      if (!journal.overflowed && journal.keys.size === 0 && journal.tags.size === 0) return;
    }
  };

  const recover = async () => {
    try {
      await replay();
      state = 'primary';
      metrics?.degraded.set(0);
      log.info('L1 cache: Redis is back');
    } catch (error) {
      state = 'degraded';
      failedAt = Date.now();
      log.warn({ err: error }, 'L1 cache: returning to Redis failed, staying on the in-process cache');
    }
  };

  const run = async <R>(op: (cache: HotCache) => Promise<R>, journalled?: () => void): Promise<R> => {
    if (state === 'degraded' && primary.ready() && Date.now() - failedAt >= probeIntervalMs) {
      state = 'recovering';
      void recover();
    }
    if (state === 'primary') {
      if (primary.ready()) {
        try {
          return await op(primary);
        } catch (error) {
          degrade(error);
        }
      } else degrade(new Error('Redis connection is not ready'));
    }
    journalled?.();
    return op(fallback);
  };

  return {
    get backend() {
      return state === 'primary' ? primary.backend : fallback.backend;
    },
    ready: () => true,
    get: <T>(key: string) => run((cache) => cache.get<T>(key)),
    getMany: <T>(keys: readonly string[]) => run((cache) => cache.getMany<T>(keys)),
    set: (key, value, ttlMs) =>
      run(
        (cache) => cache.set(key, value, ttlMs),
        () => record([key]),
      ),
    delete: (keys) =>
      run(
        (cache) => cache.delete(keys),
        () => record(keys),
      ),
    generations: (tags) => run((cache) => cache.generations(tags)),
    invalidate: (tags) =>
      run(
        (cache) => cache.invalidate(tags),
        () => record([], tags),
      ),
    flush: () =>
      run(
        (cache) => cache.flush(),
        () => {
          journal = { keys: new Set(), tags: new Set(), overflowed: true };
        },
      ),
  };
}
