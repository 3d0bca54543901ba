import { LRUCache } from 'lru-cache';
import { generationSeed, type CacheHit, type HotCache } from './hot-cache.ts';

export interface MemoryCacheOptions {
  /**
   * Most values held; the least recently used go first.
   * @default 10000
   */
  readonly maxEntries?: number;
  /**
   * Time to live of a value stored without one, in milliseconds.
   * @default 300000
   */
  readonly defaultTtlMs?: number;
}

/** The in-process L1: an LRU of JSON text. Used alone when no Redis is configured, and as Redis's fallback. */
export function createMemoryCache(options: MemoryCacheOptions = {}): HotCache {
  const values = new LRUCache<string, string>({
    max: options.maxEntries ?? 10_000,
    ttl: options.defaultTtlMs ?? 300_000,
  });
  // Kept apart from the values so eviction never resets a generation; bounded all the same (one per scope).
  const generations = new LRUCache<string, number>({ max: 100_000 });

  const read = <T>(key: string): CacheHit<T> | undefined => {
    const text = values.get(key);
    return text === undefined
      ? undefined
      : { value: JSON.parse(text) as T, servedFrom: 'L1', backend: 'memory' };
  };
  const generation = (tag: string): number => {
    const current = generations.get(tag);
    if (current !== undefined) return current;
    const seeded = generationSeed();
    generations.set(tag, seeded);
    return seeded;
  };

  return {
    backend: 'memory',
    ready: () => true,
    get: <T>(key: string) => Promise.resolve(read<T>(key)),
    getMany: <T>(keys: readonly string[]) => Promise.resolve(keys.map((key) => read<T>(key))),
    set(key, value, ttlMs) {
      values.set(key, JSON.stringify(value), ttlMs === undefined ? {} : { ttl: ttlMs });
      return Promise.resolve();
    },
    delete(keys) {
      for (const key of keys) values.delete(key);
      return Promise.resolve();
    },
    generations: (tags) => Promise.resolve(tags.map(generation)),
    invalidate(tags) {
      for (const tag of tags) generations.set(tag, generation(tag) + 1);
      return Promise.resolve();
    },
    flush() {
      values.clear();
      return Promise.resolve();
    },
  };
}
