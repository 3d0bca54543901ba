import { Counter, Gauge, type Registry } from 'prom-client';
import type { HotCache } from './hot-cache.ts';

export interface CacheMetrics {
  /** `cache` is the key's kind: `mem`, `search` or `emb`. */
  readonly requests: Counter<'cache' | 'outcome'>;
  /** 1 while Redis is away and the in-process cache serves, else 0. */
  readonly degraded: Gauge;
}

/** The cache's metrics on `registry`; asking twice for the same registry returns the same metrics. */
export function createCacheMetrics(registry: Registry): CacheMetrics {
  const existing = (name: string) => registry.getSingleMetric(name);
  return {
    requests:
      (existing('sophia_cache_requests_total') as Counter<'cache' | 'outcome'> | undefined) ??
      new Counter({
        name: 'sophia_cache_requests_total',
        help: 'L1 cache lookups by key kind (mem, search, emb) and outcome (hit, miss).',
        labelNames: ['cache', 'outcome'],
        registers: [registry],
      }),
    degraded:
      (existing('sophia_cache_degraded') as Gauge | undefined) ??
      new Gauge({
        name: 'sophia_cache_degraded',
        help: '1 while Redis is unavailable and the in-process cache serves L1, else 0.',
        registers: [registry],
      }),
  };
}

const kindOf = (key: string): string => {
  const colon = key.indexOf(':');
  return colon < 0 ? 'other' : key.slice(0, colon);
};

/** Counts every lookup of `cache` as a hit or a miss. */
export function withCacheMetrics(cache: HotCache, metrics: CacheMetrics): HotCache {
  const count = (key: string, hit: boolean) =>
    metrics.requests.inc({ cache: kindOf(key), outcome: hit ? 'hit' : 'miss' });
  return {
    get backend() {
      return cache.backend;
    },
    ready: () => cache.ready(),
    async get<T>(key: string) {
      const hit = await cache.get<T>(key);
      count(key, hit !== undefined);
      return hit;
    },
    async getMany<T>(keys: readonly string[]) {
      const hits = await cache.getMany<T>(keys);
      keys.forEach((key, index) => count(key, hits[index] !== undefined));
      return hits;
    },
    set: (key, value, ttlMs) => cache.set(key, value, ttlMs),
    delete: (keys) => cache.delete(keys),
    generations: (tags) => cache.generations(tags),
    invalidate: (tags) => cache.invalidate(tags),
    flush: () => cache.flush(),
  };
}
