/** Where a cached value lives: Redis, or this process's LRU. */
export type CacheBackend = 'redis' | 'memory';

/** A value found in the hot cache. Every hit is served from L1, whichever backend held it. */
export interface CacheHit<T> {
  readonly value: T;
  readonly servedFrom: 'L1';
  readonly backend: CacheBackend;
}

/**
 * The L1 hot cache: JSON values with a time to live, plus generation counters per tag for O(1) invalidation.
 * Values are stored as JSON text in every implementation, so a hit is always a fresh copy.
 */
export interface HotCache {
  /** The backend that serves calls now (a resilient cache switches between two). */
  readonly backend: CacheBackend;
  /** False while the backend cannot serve (Redis disconnected); a resilient cache then uses its fallback. */
  ready(): boolean;
  get<T = unknown>(key: string): Promise<CacheHit<T> | undefined>;
  getMany<T = unknown>(keys: readonly string[]): Promise<(CacheHit<T> | undefined)[]>;
  /** Stores `value` (JSON-serialisable) for `ttlMs`, or the cache's default time to live. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /**
   * The current generation of each tag, in order. A missing counter is seeded from the clock (microseconds),
   * so counters only move forward even after the backend lost its data: a key built from an old generation
   * can never become current again.
   */
  generations(tags: readonly string[]): Promise<number[]>;
  /** Moves each tag's generation forward; keys built from the old generations are never read again. */
  invalidate(tags: readonly string[]): Promise<void>;
  /** Drops every cached value but keeps the generation counters (see `generations`). */
  flush(): Promise<void>;
}

/** @internal The seed for a generation counter that does not exist yet. */
export const generationSeed = (): number => Date.now() * 1000;
