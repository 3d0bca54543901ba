import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createMemoryIdempotencyStore,
  createRedisIdempotencyStore,
  type IdempotencyStore,
} from './idempotency-store.ts';

const TIMES = { runningMs: 60_000, keptMs: 60_000 };

/** What every replica sees of one key: claimed once, then its answer; freed after a failed run. */
async function sharedByReplicas(first: IdempotencyStore, second: IdempotencyStore) {
  const key = `test:${randomUUID()}`;
  expect(await first.claim(key, 'fp')).toBe('claimed');
  expect(await second.claim(key, 'fp')).toEqual({ state: 'running', fingerprint: 'fp' });
  await first.complete(key, 'fp', '{"data":{"bump":1}}');
  expect(await second.claim(key, 'fp')).toEqual({
    state: 'done',
    fingerprint: 'fp',
    response: '{"data":{"bump":1}}',
  });
  const failed = `test:${randomUUID()}`;
  expect(await second.claim(failed, 'fp')).toBe('claimed');
  await second.release(failed);
  expect(await first.claim(failed, 'fp')).toBe('claimed');
}

describe('idempotency stores', () => {
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  afterAll(() => redis.quit());

  it('shares keys between two gateway replicas through Redis', async () => {
    const replica = () => createRedisIdempotencyStore(redis, TIMES, createMemoryIdempotencyStore(TIMES));
    await sharedByReplicas(replica(), replica());
  });

  it('keeps keys in one process without Redis, forgetting the oldest beyond its bound', async () => {
    const store = createMemoryIdempotencyStore(TIMES, 2);
    await sharedByReplicas(store, store);
    expect(await store.claim('a', 'fp')).toBe('claimed');
    expect(await store.claim('b', 'fp')).toBe('claimed');
    expect(await store.claim('c', 'fp')).toBe('claimed');
    expect(await store.claim('a', 'fp')).toBe('claimed'); // dropped as the oldest
  });
});
