import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createCacheMetrics } from './cache-metrics.ts';
import type { HotCache } from './hot-cache.ts';
import { createMemoryCache } from './memory-cache.ts';
import { createResilientCache } from './resilient-cache.ts';

const silent = { warn: () => undefined, info: () => undefined };

/** A primary that fails every call while `down`, and counts flushes. */
function flakyPrimary() {
  const inner = createMemoryCache();
  const control = { down: false, flushes: 0 };
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      control.down ? Promise.reject(new Error('connection lost')) : call(...args);
  const cache: HotCache = {
    backend: 'redis',
    ready: () => true,
    get: guard((key: string) => inner.get(key)),
    getMany: guard((keys: readonly string[]) => inner.getMany(keys)),
    set: guard((key: string, value: unknown, ttlMs?: number) => inner.set(key, value, ttlMs)),
    delete: guard((keys: readonly string[]) => inner.delete(keys)),
    generations: guard((tags: readonly string[]) => inner.generations(tags)),
    invalidate: guard((tags: readonly string[]) => inner.invalidate(tags)),
    flush: guard(() => {
      control.flushes++;
      return inner.flush();
    }),
  };
  return { cache, control, inner };
}

const backOnPrimary = async (cache: HotCache) => {
  while (cache.backend !== 'redis') {
    await cache.get('mem:probe');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('resilient cache', () => {
  it('falls back on a failing call, then replays deletes and invalidations before serving from Redis', async () => {
    const { cache: primary, control, inner } = flakyPrimary();
    const registry = new Registry();
    const metrics = createCacheMetrics(registry);
    const cache = createResilientCache(primary, createMemoryCache(), {
      log: silent,
      metrics,
      probeIntervalMs: 0,
    });
    await cache.set('mem:a', 'old');
    const [before] = await cache.generations(['org']);

    control.down = true;
    await expect(cache.get('mem:a')).resolves.toBeUndefined();
    expect(cache.backend).toBe('memory');
    expect((await metrics.degraded.get()).values[0]?.value).toBe(1);
    await cache.delete(['mem:a']);
    await cache.invalidate(['org']);

    control.down = false;
    await backOnPrimary(cache);
    expect(await inner.get('mem:a')).toBeUndefined();
    expect((await cache.generations(['org']))[0]).toBeGreaterThan(before!);
    expect((await metrics.degraded.get()).values[0]?.value).toBe(0);
    expect(control.flushes).toBe(0);
  });

  it('flushes Redis on return when too much was written while degraded', async () => {
    const { cache: primary, control } = flakyPrimary();
    const cache = createResilientCache(primary, createMemoryCache(), {
      log: silent,
      probeIntervalMs: 0,
      journalLimit: 3,
    });
    control.down = true;
    for (let i = 0; i < 5; i++) await cache.set(`mem:${i}`, i);
    control.down = false;
    await backOnPrimary(cache);
    expect(control.flushes).toBe(1);
  });

  it('keeps serving from the fallback while returning fails', async () => {
    const { cache: primary, control, inner } = flakyPrimary();
    const cache = createResilientCache(primary, createMemoryCache(), { log: silent, probeIntervalMs: 0 });
    await inner.set('mem:a', 'stale');
    control.down = true;
    await cache.delete(['mem:a']);
    for (let i = 0; i < 20; i++) await expect(cache.get('mem:a')).resolves.toBeUndefined();
    expect(cache.backend).toBe('memory');
    control.down = false;
    await backOnPrimary(cache);
    expect(await cache.get('mem:a')).toBeUndefined();
  });
});
