import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@sophia/kit';
import { CEO, TEST_ANCHOR, startSubgraph, type RunningSubgraph } from '@sophia/kit/testing';
import { seedDemo } from '@sophia/ops/seed';
import { startStoreBackend, type StoreBackend } from '../../kit/tests/store-contract-backends.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';
import { sleep } from './redis-server.ts';

/**
 * The memory subgraph over real HTTP with its store on the FAKE Snowflake, seeded with the demo company
 * through the seed step: search (L2 and L3), remember, account memories and a document ingest job.
 */
const SEARCH = `query($q: String!, $filter: MemoryFilter) {
  searchMemories(query: $q, limit: 5, filter: $filter) { memory { id content tier createdAt } servedFrom } }`;
const REMEMBER = `mutation($input: RememberInput!) { remember(input: $input) { memory { id tier } merged } }`;
const INGEST = `mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { job { id } } }`;
const JOB = `query($id: ID!) { ingestJob(id: $id) { status chunksTotal finishedAt memories(limit: 10) { content } } }`;

interface Hit {
  memory: { id: string; content: string; tier: string; createdAt: string };
  servedFrom: string;
}

describe('the memory subgraph on the FAKE Snowflake', () => {
  let backend: StoreBackend;
  let running: RunningSubgraph;
  const search = async (q: string, filter?: Record<string, unknown>) =>
    (await running.request<{ searchMemories: Hit[] }>(SEARCH, { variables: { q, filter }, viewer: CEO }))
      .data!.searchMemories;

  beforeAll(async () => {
    backend = await startStoreBackend('snowflake');
    const config = loadMemoryConfig({ ...backend.env, SOPHIA_DEMO_ANCHOR: TEST_ANCHOR, LOG_LEVEL: 'silent' });
    await seedDemo({
      dataDir: config.SOPHIA_DATA_DIR,
      anchor: TEST_ANCHOR,
      only: ['memory'],
      snowflake: config,
    });
    running = await startSubgraph(
      await createMemorySubgraph(config, { logger: createLogger('memory', 'silent') }),
    );
  });
  afterAll(async () => {
    await running?.close();
    await backend?.close();
  });

  it('serves the seeded demo memories from L2 and, for cold ones, from L3', async () => {
    const warm = await search('information security policy');
    expect(warm.length).toBeGreaterThan(0);
    expect(warm[0]!.servedFrom).toBe('L2');
    expect(warm[0]!.memory.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const cold = await search('information security policy', { tiers: ['COLD'] });
    expect(cold).toEqual([]);
    expect(backend.fake!.queryHistory().some((query) => query.queryTag === 'sophia-memory')).toBe(true);
  });

  it('remembers a note and finds it again', async () => {
    const response = await running.request<{
      remember: { memory: { id: string; tier: string }; merged: boolean };
    }>(REMEMBER, {
      variables: { input: { content: 'Snowshoe trail map for the winter offsite', visibility: 'ORG' } },
      viewer: CEO,
    });
    const { memory, merged } = response.data!.remember;
    expect(merged).toBe(false);
    expect((await search('snowshoe trail')).map((hit) => hit.memory.id)).toContain(memory.id);
  });

  it('ingests a document into chunks in order and finishes the job', async () => {
    const content = Array.from({ length: 300 }, (_, i) => `glacierword${i}`).join(' ');
    const started = await running.request<{ ingestDocument: { job: { id: string } } }>(INGEST, {
      variables: {
        input: { title: 'Glacier notes', content, visibility: 'ORG', chunkWords: 120, overlapWords: 20 },
      },
      viewer: CEO,
    });
    const id = started.data!.ingestDocument.job.id;
    let job: {
      status: string;
      chunksTotal: number;
      finishedAt: string | null;
      memories: { content: string }[];
    };
    do {
      await sleep(100);
      job = (await running.request<{ ingestJob: typeof job }>(JOB, { variables: { id }, viewer: CEO })).data!
        .ingestJob;
    } while (job.status === 'QUEUED' || job.status === 'RUNNING');
    expect(job.status).toBe('COMPLETED');
    expect(job.finishedAt).toMatch(/Z$/);
    expect(job.memories).toHaveLength(job.chunksTotal);
    expect(job.memories[0]!.content.startsWith('glacierword0 ')).toBe(true);
    expect(job.memories.at(-1)!.content.endsWith('glacierword299')).toBe(true);
  });
});
