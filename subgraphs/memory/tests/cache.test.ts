import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@sophia/kit';
import {
  createCacheMetrics,
  createMemoryCache,
  createRedisCache,
  createResilientCache,
  getEmbeddings,
  lookupSearch,
  memoryKey,
  REDIS_CLIENT_OPTIONS,
  setEmbedding,
  withCacheMetrics,
  writeTags,
} from '../src/cache/index.ts';
import { freePort, sleep, startRedis } from './redis-server.ts';

const until = async (condition: () => boolean | Promise<boolean>) => {
  while (!(await condition())) await sleep(10);
};
const connect = async (port: number) => {
  const client = new Redis({ port, ...REDIS_CLIENT_OPTIONS });
  // The resilient cache handles failures per call; connection errors would otherwise be reported as unhandled.
  client.on('error', () => undefined);
  await until(() => client.status === 'ready');
  return client;
};

const alice = { userId: 'alice', teamId: 'exec' };
const request = { query: 'renewal risk', filter: { kind: 'NOTE' }, limit: 5 };

describe('L1 hot cache over real Redis', () => {
  let port: number;
  let server: ChildProcess;
  let client: Redis;

  beforeAll(async () => {
    port = await freePort();
    server = await startRedis(port);
    client = await connect(port);
  });

  afterAll(() => {
    client.disconnect();
    server.kill('SIGKILL');
  });

  it('sets, gets, deletes and expires JSON values', async () => {
    const cache = createRedisCache(client, { keyPrefix: 'basic:' });
    await cache.set(memoryKey('m1'), { id: 'm1', content: 'renewal' });
    await cache.set(memoryKey('short'), 'x', 30);
    expect(await cache.get(memoryKey('m1'))).toEqual({
      value: { id: 'm1', content: 'renewal' },
      servedFrom: 'L1',
      backend: 'redis',
    });
    expect(await client.get('basic:mem:m1')).not.toBeNull();
    expect((await cache.getMany(['mem:m1', 'mem:none'])).map((hit) => hit?.value)).toEqual([
      { id: 'm1', content: 'renewal' },
      undefined,
    ]);
    await until(async () => (await cache.get(memoryKey('short'))) === undefined);
    await cache.delete([memoryKey('m1')]);
    expect(await cache.get(memoryKey('m1'))).toBeUndefined();
  });

  it('invalidates searches by scope generation, and generations survive a flush', async () => {
    const cache = createRedisCache(client, { keyPrefix: 'scopes:' });
    await (await lookupSearch(cache, alice, request)).store(['m1']);
    expect((await lookupSearch<string[]>(cache, alice, request)).hit?.value).toEqual(['m1']);

    await cache.invalidate(writeTags({ ownerId: 'bob', visibility: 'PRIVATE', teamId: 'exec' }));
    expect((await lookupSearch(cache, alice, request)).hit).toBeDefined();
    await cache.invalidate(writeTags({ ownerId: 'bob', visibility: 'ORG', teamId: 'sales' }));
    expect((await lookupSearch(cache, alice, request)).hit).toBeUndefined();

    const before = await cache.generations(['org']);
    await cache.flush();
    expect(await cache.generations(['org'])).toEqual(before);
  });

  it('round-trips embeddings bit for bit', async () => {
    const cache = createRedisCache(client, { keyPrefix: 'emb:' });
    const vector = Float32Array.from({ length: 768 }, (_, i) => Math.sin(i) / (i + 1));
    vector[0] = Number.NaN;
    vector[1] = -0;
    await setEmbedding(cache, 'local-768', 'the renewal is at risk', vector);
    const [cached] = await getEmbeddings(cache, 'local-768', ['the renewal is at risk']);
    expect(new Uint8Array(cached!.buffer)).toEqual(new Uint8Array(vector.buffer));
  });

  it('degrades to the in-process cache when Redis dies and returns without stale values', async () => {
    const registry = new Registry();
    const metrics = createCacheMetrics(registry);
    const primary = createRedisCache(client, { keyPrefix: 'live:' });
    const cache = withCacheMetrics(
      createResilientCache(primary, createMemoryCache(), {
        log: createLogger('memory', 'silent'),
        metrics,
        probeIntervalMs: 100,
      }),
      metrics,
    );
    const degraded = async () =>
      (await registry.getSingleMetricAsString('sophia_cache_degraded')).endsWith(' 1');

    await cache.set(memoryKey('doomed'), 'old');
    const { store } = await lookupSearch(cache, alice, request);
    await store(['old']);
    const redisGenerations = await primary.generations(['owner:alice', 'team:exec', 'org']);
    const planted = await client.get('live:mem:doomed');
    const searchKeys = await client.keys('live:search:*');
    expect(planted).not.toBeNull();
    expect(searchKeys).toHaveLength(1);
    const plantedSearch = await client.get(searchKeys[0]!);

    // A loop of gets and sets runs while Redis is killed under it.
    const calls: Promise<unknown>[] = [];
    let stop = false;
    const loop = (async () => {
      for (let i = 0; !stop; i++) {
        calls.push(cache.set(memoryKey(`loop${i % 50}`), i), cache.get(memoryKey(`loop${(i + 25) % 50}`)));
        await sleep(1);
      }
    })();
    await sleep(50);
    server.kill('SIGKILL');
    await once(server, 'exit');
    await until(degraded);
    await sleep(100);
    stop = true;
    await loop;
    const settled = await Promise.allSettled(calls);
    expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(cache.backend).toBe('memory');

    // Invalidated while degraded: the record is forgotten and alice's team wrote a memory.
    await cache.delete([memoryKey('doomed')]);
    await cache.invalidate(writeTags({ ownerId: 'bob', visibility: 'TEAM', teamId: 'exec' }));
    await cache.set(memoryKey('while-down'), 'kept in process');
    expect((await cache.get(memoryKey('while-down')))?.backend).toBe('memory');

    // Redis comes back holding what it held before (as after a partition), old generations included.
    server = await startRedis(port);
    const raw = new Redis({ port });
    await raw.set('live:mem:doomed', planted!);
    await raw.set(searchKeys[0]!, plantedSearch!);
    await Promise.all(
      ['owner:alice', 'team:exec', 'org'].map((tag, i) => raw.set(`live:gen:${tag}`, redisGenerations[i]!)),
    );
    raw.disconnect();

    await until(() => client.status === 'ready');
    await until(async () => {
      await cache.get(memoryKey('probe'));
      return cache.backend === 'redis';
    });
    expect(await degraded()).toBe(false);
    expect(await cache.get(memoryKey('doomed'))).toBeUndefined();
    expect((await lookupSearch(cache, alice, request)).hit).toBeUndefined();
    await cache.set(memoryKey('after'), 'back');
    expect(await cache.get(memoryKey('after'))).toMatchObject({ value: 'back', backend: 'redis' });
    expect(await registry.getSingleMetricAsString('sophia_cache_requests_total')).toMatch(
      /cache="mem",outcome="hit"} [1-9]/,
    );
  });
});
