import { describe, expect, it } from 'vitest';
import { decodeEmbedding, encodeEmbedding, getEmbeddings, setEmbedding } from './embedding-cache.ts';
import { embeddingKey, memoryKey, searchKey } from './keys.ts';
import { createMemoryCache } from './memory-cache.ts';
import { lookupSearch, viewerTags, writeTags } from './search-cache.ts';

const until = async (condition: () => Promise<boolean>) => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('in-process hot cache', () => {
  it('stores JSON values and returns copies served from L1', async () => {
    const cache = createMemoryCache();
    const record = { id: 'm1', tags: ['a'] };
    await cache.set(memoryKey('m1'), record);
    record.tags.push('mutated');
    expect(await cache.get(memoryKey('m1'))).toEqual({
      value: { id: 'm1', tags: ['a'] },
      servedFrom: 'L1',
      backend: 'memory',
    });
    expect(await cache.get(memoryKey('missing'))).toBeUndefined();
  });

  it('reads many keys in order and deletes', async () => {
    const cache = createMemoryCache();
    await cache.set('mem:a', 1);
    await cache.set('mem:c', 3);
    expect((await cache.getMany(['mem:a', 'mem:b', 'mem:c'])).map((hit) => hit?.value)).toEqual([
      1,
      undefined,
      3,
    ]);
    await cache.delete(['mem:a']);
    expect(await cache.get('mem:a')).toBeUndefined();
  });

  it('expires values after their time to live', async () => {
    const cache = createMemoryCache({ defaultTtlMs: 60_000 });
    await cache.set('mem:short', 'x', 20);
    await cache.set('mem:long', 'y');
    await until(async () => (await cache.get('mem:short')) === undefined);
    expect((await cache.get('mem:long'))?.value).toBe('y');
  });

  it('evicts the least recently used beyond its size', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('mem:1', 1);
    await cache.set('mem:2', 2);
    await cache.get('mem:1');
    await cache.set('mem:3', 3);
    expect((await cache.getMany(['mem:1', 'mem:2', 'mem:3'])).map((hit) => hit?.value)).toEqual([
      1,
      undefined,
      3,
    ]);
  });

  it('drops a search result when a write bumps a scope it depends on, and only then', async () => {
    const cache = createMemoryCache();
    const alice = { userId: 'alice', teamId: 'exec' };
    const request = { query: 'renewal risk', filter: { kind: 'NOTE' }, limit: 5 };
    await (await lookupSearch(cache, alice, request)).store(['m1']);
    expect((await lookupSearch<string[]>(cache, alice, request)).hit?.value).toEqual(['m1']);

    await cache.invalidate(writeTags({ ownerId: 'bob', visibility: 'TEAM', teamId: 'sales' }));
    expect((await lookupSearch(cache, alice, request)).hit).toBeDefined();

    await cache.invalidate(writeTags({ ownerId: 'bob', visibility: 'TEAM', teamId: 'exec' }));
    expect((await lookupSearch(cache, alice, request)).hit).toBeUndefined();
  });

  it('never stores a result computed across a write under the current key', async () => {
    const cache = createMemoryCache();
    const alice = { userId: 'alice', teamId: null };
    const pending = await lookupSearch(cache, alice, { query: 'q', limit: 5 });
    await cache.invalidate(writeTags({ ownerId: 'carol', visibility: 'ORG', teamId: null }));
    await pending.store(['stale']);
    expect((await lookupSearch(cache, alice, { query: 'q', limit: 5 })).hit).toBeUndefined();
  });

  it('keys searches by viewer and by request, whatever the field order', () => {
    expect(viewerTags({ userId: 'u', teamId: null })).toEqual(['owner:u', 'org']);
    expect(searchKey([1, 2], { a: 1, b: { c: 2, d: 3 } })).toBe(
      searchKey([1, 2], { b: { d: 3, c: 2 }, a: 1 }),
    );
    expect(searchKey([1, 2], { a: 1 })).not.toBe(searchKey([1, 3], { a: 1 }));
    expect(searchKey([1, 2], { a: 1 })).toMatch(/^search:1\.2:[\w-]{43}$/);
    expect(embeddingKey('m', 'hello')).toMatch(/^emb:m:[\w-]{43}$/);
  });

  it('round-trips embeddings bit for bit', async () => {
    const vector = new Float32Array([0, -0, 1.5, -3.4028234663852886e38, 1e-45, Number.NaN, Math.PI]);
    const decoded = decodeEmbedding(encodeEmbedding(vector));
    expect(new Uint8Array(decoded.buffer)).toEqual(new Uint8Array(vector.buffer));

    const cache = createMemoryCache();
    const view = new Float32Array(new Float32Array([9, 1, 2, 3]).buffer, 4, 3);
    await setEmbedding(cache, 'local-768', 'hello', view);
    const [hit, miss] = await getEmbeddings(cache, 'local-768', ['hello', 'other']);
    expect(Array.from(hit!)).toEqual([1, 2, 3]);
    expect(miss).toBeUndefined();
  });
});
