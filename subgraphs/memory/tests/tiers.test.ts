import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, DuckDb } from '@sophia/kit';
import { CEO, TEST_ANCHOR, startSubgraph, type RunningSubgraph } from '@sophia/kit/testing';
import { generateCompany } from '@sophia/ops';
import { loadMemoryConfig } from '../src/env.ts';
import type { MemoryService } from '../src/memory-service.ts';
import { seedDemo } from '@sophia/ops/seed';
import { createMemorySubgraph } from '../src/subgraph.ts';
import { freePort, sleep, startRedis } from './redis-server.ts';

const company = generateCompany({ anchor: TEST_ANCHOR });
const dataDir = mkdtempSync(join(tmpdir(), 'sophia-memory-tiers-'));
const env = { SOPHIA_DATA_DIR: dataDir, SOPHIA_DEMO_ANCHOR: TEST_ANCHOR, LOG_LEVEL: 'silent' };
const config = loadMemoryConfig(env);

interface Hit {
  memory: { id: string; content: string };
  score: number;
  servedFrom: string;
}

const SEARCH = `query($q: String!, $limit: Int) {
  searchMemories(query: $q, limit: $limit) { memory { id content } score servedFrom } }`;
const REMEMBER = `mutation($input: RememberInput!) { remember(input: $input) { memory { id } merged } }`;

describe('memory tiers: L1 cache, L2 warm index, L3 store', () => {
  let running: RunningSubgraph;
  let service: MemoryService;
  const search = async (q: string, limit = 10) =>
    (await running.request<{ searchMemories: Hit[] }>(SEARCH, { variables: { q, limit }, viewer: CEO })).data
      ?.searchMemories ?? [];
  const remember = async (content: string) =>
    (
      await running.request<{ remember: { memory: { id: string } } }>(REMEMBER, {
        variables: { input: { content, visibility: 'ORG' } },
        viewer: CEO,
      })
    ).data!.remember.memory.id;

  beforeAll(async () => {
    await seedDemo({ dataDir, anchor: TEST_ANCHOR, only: ['memory'] });
    const subgraph = await createMemorySubgraph(config, {
      logger: createLogger('memory', 'silent'),
      onService: (built) => (service = built),
    });
    running = await startSubgraph(subgraph);
  });

  afterAll(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('embeds the demo memories on first start, records the model, and builds L2 from them', async () => {
    expect(service.warm.size).toBeGreaterThan(0);
    const rows = await service.store.warmRows();
    expect(rows.length).toBe(service.warm.size);
    expect(rows[0]?.embedding).toHaveLength(config.EMBEDDINGS_DIMENSION);
  });

  it('serves a fresh search of a warm memory from L2, and its repetition from L1', async () => {
    const document = company.documents.find((d) => d.kind === 'DOCUMENT' && d.visibility === 'ORG')!;
    const first = await search(document.title);
    expect(first[0]?.memory.id).toMatch(new RegExp(`^mem_${document.id}`));
    expect(first[0]?.servedFrom).toBe('L2');
    const again = await search(document.title);
    expect(again.map((hit) => hit.memory.id)).toEqual(first.map((hit) => hit.memory.id));
    expect(again.every((hit) => hit.servedFrom === 'L1')).toBe(true);
  });

  it('finds a memory through L2 right after it is remembered', async () => {
    const id = await remember('Ocelotrix renewal: legal wants the data processing addendum signed first.');
    expect(service.warm.has(id)).toBe(true);
    const hits = await search('Ocelotrix addendum');
    expect(hits[0]).toMatchObject({ memory: { id }, servedFrom: 'L2' });
  });

  it('never serves a stale L1 result after a remember', async () => {
    const first = await remember('Tamarindo expansion: the Lisbon office opens in spring.');
    const before = await search('Tamarindo expansion');
    expect(before.map((hit) => hit.memory.id)).toContain(first);
    expect((await search('Tamarindo expansion')).every((hit) => hit.servedFrom === 'L1')).toBe(true);
    const second = await remember('Tamarindo expansion: hiring two account executives in Lisbon.');
    const after = await search('Tamarindo expansion');
    expect(after.map((hit) => hit.memory.id)).toEqual(expect.arrayContaining([first, second]));
    expect(after.some((hit) => hit.servedFrom === 'L1')).toBe(false);
  });

  it('finds a memory the warm index lacks through L3: cold in the store, or removed from the index', async () => {
    const cold = await remember('Galapagar warehouse lease ends in June; facilities will not renew it.');
    await service.store.setTier([cold], 3);
    await service.rebuildWarmIndex();
    expect(service.warm.has(cold)).toBe(false);
    const hits = await search('Galapagar warehouse lease');
    expect(hits.find((hit) => hit.memory.id === cold)?.servedFrom).toBe('L3');

    const dropped = await remember('Quetzalia pilot: the customer asked for weekly status calls.');
    expect(service.warm.remove(dropped)).toBe(true);
    const found = await search('Quetzalia');
    expect(found.find((hit) => hit.memory.id === dropped)?.servedFrom).toBe('L3');
  });

  it('refuses to start when the stored embeddings have another dimension', async () => {
    await running.close();
    const other = loadMemoryConfig({ ...env, EMBEDDINGS_DIMENSION: '384' });
    await expect(createMemorySubgraph(other, { logger: createLogger('memory', 'silent') })).rejects.toThrow(
      /dimension 768.*dimension 384/,
    );
    const db = await DuckDb.open(dataDir, 'memory.duckdb');
    const meta = await db.query<{ key: string; value: string }>(
      "SELECT key, value FROM sophia_meta WHERE key LIKE 'embedding_%' ORDER BY key",
    );
    await db.close();
    expect(meta).toEqual([
      { key: 'embedding_dimension', value: '768' },
      { key: 'embedding_model', value: service.embedder.model },
    ]);
    running = await startSubgraph(
      await createMemorySubgraph(config, { logger: createLogger('memory', 'silent') }),
    );
  });
});

describe('memory tiers with REDIS_URL: L1 in real Redis', () => {
  const redisDir = mkdtempSync(join(tmpdir(), 'sophia-memory-redis-'));
  let port: number;
  let server: ChildProcess;
  let raw: Redis;
  let running: RunningSubgraph;
  let service: MemoryService;
  const search = async (q: string) =>
    (await running.request<{ searchMemories: Hit[] }>(SEARCH, { variables: { q, limit: 5 }, viewer: CEO }))
      .data?.searchMemories ?? [];

  beforeAll(async () => {
    port = await freePort();
    server = await startRedis(port);
    raw = new Redis({ port });
    raw.on('error', () => undefined);
    await seedDemo({ dataDir: redisDir, anchor: TEST_ANCHOR, only: ['memory'] });
    const subgraph = await createMemorySubgraph(
      loadMemoryConfig({ ...env, SOPHIA_DATA_DIR: redisDir, REDIS_URL: `redis://127.0.0.1:${port}` }),
      { logger: createLogger('memory', 'silent'), onService: (built) => (service = built) },
    );
    running = await startSubgraph(subgraph);
  });

  afterAll(async () => {
    await running.close();
    raw.disconnect();
    server.kill();
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('stores search results in Redis and serves a repetition from L1', async () => {
    // The client may still be connecting at start; the resilient cache serves in-process until it is ready.
    while (service.cache.backend !== 'redis') {
      await search('renewal');
      await sleep(50);
    }
    const first = await search('quarterly pipeline review');
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((hit) => hit.servedFrom !== 'L1')).toBe(true);
    expect((await raw.keys('sophia:search:*')).length).toBeGreaterThan(0);
    const again = await search('quarterly pipeline review');
    expect(again.map((hit) => hit.memory.id)).toEqual(first.map((hit) => hit.memory.id));
    expect(again.every((hit) => hit.servedFrom === 'L1')).toBe(true);
  });
});
