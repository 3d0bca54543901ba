import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STORE_BACKENDS,
  startStoreBackend,
  type StoreBackend,
} from '../../kit/tests/store-contract-backends.ts';
import { createConfiguredEmbedder } from '../src/embeddings/create-provider.ts';
import type { Embedder } from '../src/embeddings/embedder.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { reindexStale } from '../src/stored-embeddings.ts';
import { MemoryStore, type NewMemory } from '../src/store.ts';
import { replaceSourceMemories, upsertDirectory } from '../src/store/index.ts';

/**
 * The memory store's contract on each backend: embedded DuckDB, and snowflake-sdk talking to the FAKE
 * Snowflake (VECTOR(FLOAT, 768), VARIANT metadata, no RETURNING), through the selection the service uses.
 */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ALICE = { userId: 'u_alice', teamId: 't_sales' };
const BOB = { userId: 'u_bob', teamId: 't_ops' };

describe.each(STORE_BACKENDS)('the memory store on %s', (dialect) => {
  let backend: StoreBackend;
  let store: MemoryStore;
  let embedder: Embedder;

  beforeAll(async () => {
    backend = await startStoreBackend(dialect);
    const config = loadMemoryConfig({ ...backend.env, LOG_LEVEL: 'silent' });
    embedder = createConfiguredEmbedder(config, new Registry());
    store = await MemoryStore.open(config, embedder);
  });
  afterAll(async () => {
    await store?.close();
    await backend?.close();
  });

  const db = () => (store as unknown as { db: import('@sophia/kit').SqlDatabase }).db;
  const remember = async (content: string, scope = ALICE, visibility: 'PRIVATE' | 'TEAM' | 'ORG' = 'ORG') =>
    (
      await store.remember({
        scope,
        input: { content, kind: 'NOTE', visibility, accountId: null, metadata: { tags: ['t'] } },
        embedding: await embedder.embed(content),
      })
    ).memory;

  it('opens on the selected backend with all three migrations', async () => {
    expect(db().dialect).toBe(dialect);
    const rows = await db().query<{ version: unknown }>(
      'SELECT version FROM sophia_migrations ORDER BY version',
    );
    expect(rows.map((row) => Number(row.version))).toEqual([1, 2, 3]);
    if (dialect === 'snowflake') {
      const tags = backend.fake!.queryHistory().map((query) => query.queryTag);
      expect(tags).toContain('sophia-memory');
      const created = backend
        .fake!.queryHistory()
        .find((q) => /CREATE TABLE IF NOT EXISTS memories/.test(q.sqlText));
      expect(created?.sqlText).toContain('VECTOR(FLOAT, 768)');
    }
  });

  it('remembers with vector, metadata and ISO times; reads back only what the viewer may see', async () => {
    const open = await remember('Quarterly pricing review for the harbour account');
    const secret = await remember('Private reminder about the harbour dentist', ALICE, 'PRIVATE');
    expect(open.createdAt).toMatch(ISO);
    const [read] = await store.memoriesByIds(ALICE, [open.id]);
    expect(read).toMatchObject({ id: open.id, metadata: { tags: ['t'] }, tier: 2, accessCount: 0 });
    expect(read!.createdAt).toBe(open.createdAt);
    expect(read!.accessedAt).toMatch(ISO);
    expect((await store.memoriesByIds(BOB, [open.id, secret.id])).map((m) => m.id)).toEqual([open.id]);
    const [warm] = await store.warmRows([open.id]);
    expect(warm!.embedding).toHaveLength(768);
    expect(Array.from(warm!.embedding)).toEqual(Array.from(await embedder.embed(open.content)));
  });

  it('finds a cold memory by cosine similarity in SQL and any memory by BM25', async () => {
    const cold = await remember('Lighthouse maintenance contract renewal terms');
    await store.setTier([cold.id], 3);
    const vector = await embedder.embed(cold.content);
    const semantic = await store.searchColdVectors(BOB, vector, {
      limit: 5,
      filter: {},
      minSimilarity: 0.25,
    });
    expect(semantic[0]).toMatchObject({ memory: { id: cold.id, tier: 3 } });
    expect(semantic[0]!.score).toBeCloseTo(1, 5);
    const lexical = await store.searchLexical(BOB, ['lighthouse'], { limit: 5, filter: {} });
    expect(lexical.map((hit) => hit.memory.id)).toEqual([cold.id]);
  });

  it('orders a document’s chunks by their number, read from the JSON metadata', async () => {
    const chunk = (n: number): NewMemory => ({
      id: `mem_doc_${n}`,
      ownerId: ALICE.userId,
      teamId: ALICE.teamId,
      visibility: 'ORG',
      kind: 'DOCUMENT_CHUNK',
      content: `Chunk number ${n} of the handbook`,
      sourceType: 'DOCUMENT',
      sourceId: 'doc_handbook',
      sourceTitle: 'Handbook',
      accountId: null,
      metadata: { chunk: n, chunks: 3 },
      createdAt: '2026-11-01T09:00:00.000Z',
    });
    await db().transaction(async (tx) => {
      await upsertDirectory(tx, [{ id: ALICE.userId, teamId: ALICE.teamId }]);
      await replaceSourceMemories(tx, ['doc_handbook'], [chunk(10), chunk(2), chunk(1)], dialect);
    });
    const chunks = await store.memoriesOfSource(BOB, 'doc_handbook', 10);
    expect(chunks.map((m) => m.metadata['chunk'])).toEqual([1, 2, 10]);
    expect(await store.viewerScope(ALICE.userId)).toEqual(ALICE);
    // Written without vectors (as the seed and import do): embedded by the next re-index.
    expect(await reindexStale(db(), embedder)).toEqual(['mem_doc_1', 'mem_doc_10', 'mem_doc_2']);
    expect(await reindexStale(db(), embedder)).toEqual([]);
  });

  it('promotes what was read and demotes what idles, returning exactly the ids it moved', async () => {
    const memory = await remember('Ferry timetable for the winter offsite');
    await store.setTier([memory.id], 3);
    const at = '2026-12-01T10:00:00.000Z';
    expect(await store.applyAccess([{ id: memory.id, count: 5, at }], 5)).toEqual({
      hot: [],
      warm: [memory.id],
    });
    expect(await store.applyAccess([{ id: memory.id, count: 1, at }], 5)).toEqual({
      hot: [memory.id],
      warm: [],
    });
    const [read] = await store.memoriesByIds(ALICE, [memory.id]);
    expect(read).toMatchObject({ tier: 1, accessCount: 6 });
    const moved = await store.demote({
      hotIdleBefore: '2099-01-01T00:00:00.000Z',
      warmIdleBefore: '2026-11-01T00:00:00.000Z',
      keepWarmAccessCount: 3,
    });
    expect(moved.warm).toContain(memory.id);
    expect(moved.cold).not.toContain(memory.id);
  });

  it('gives each account’s newest memories, newest first, the viewer may see', async () => {
    const about = (n: number, content: string, accountId: string, visibility: 'PRIVATE' | 'ORG' = 'ORG') => ({
      id: `mem_acc_${n}`,
      ownerId: ALICE.userId,
      teamId: ALICE.teamId,
      visibility,
      kind: 'NOTE' as const,
      content,
      sourceType: 'NOTE' as const,
      sourceId: `note_acc_${n}`,
      sourceTitle: null,
      accountId,
      metadata: {},
      createdAt: `2026-11-0${n}T09:00:00.000Z`,
    });
    const notes = [
      about(1, 'First call with the harbour board', 'acc_harbour'),
      about(2, 'Second call with the harbour board', 'acc_harbour'),
      about(3, 'Private doubts about the harbour board', 'acc_harbour', 'PRIVATE'),
      about(4, 'Kick-off with the quarry', 'acc_quarry'),
    ];
    await db().transaction((tx) =>
      replaceSourceMemories(
        tx,
        notes.map((note) => note.sourceId),
        notes,
        dialect,
      ),
    );
    const rows = await store.memoriesOfAccounts(BOB, ['acc_harbour', 'acc_quarry'], 1);
    expect(rows.map((m) => [m.accountId, m.content])).toEqual([
      ['acc_harbour', 'Second call with the harbour board'],
      ['acc_quarry', 'Kick-off with the quarry'],
    ]);
  });

  it('forgets only the owner’s memory, once', async () => {
    const memory = await remember('Parking permit number for the depot');
    expect(await store.forget(BOB.userId, memory.id)).toBeNull();
    expect(await store.forget(ALICE.userId, memory.id)).toEqual({
      ownerId: ALICE.userId,
      visibility: 'ORG',
      teamId: ALICE.teamId,
    });
    expect(await store.forget(ALICE.userId, memory.id)).toBeNull();
    expect(await store.searchLexical(ALICE, ['depot'], { limit: 5, filter: {} })).toEqual([]);
  });

  it('keeps ingest jobs: in flight until finished or cancelled, never changed afterwards', async () => {
    const job = {
      id: 'job_1',
      ownerId: ALICE.userId,
      teamId: ALICE.teamId,
      title: 'Handbook',
      documentId: 'doc_job',
      visibility: 'ORG' as const,
      accountId: null,
      chunkWords: 120,
      overlapWords: 20,
      status: 'QUEUED' as const,
      chunksTotal: 2,
      createdAt: '2026-12-01T10:00:00.000Z',
    };
    expect(await store.jobs.createWithin(job, 'text', 1)).toBe(true);
    expect(await store.jobs.createWithin({ ...job, id: 'job_2' }, 'text', 1)).toBe(false);
    const running = await store.jobs.update('job_1', { status: 'RUNNING', chunksDone: 1, chunksFailed: 0 });
    expect(running).toMatchObject({
      status: 'RUNNING',
      chunksDone: 1,
      finishedAt: null,
      createdAt: job.createdAt,
    });
    const cancelled = await store.jobs.cancel('job_1');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', chunksDone: 1 });
    expect(cancelled!.finishedAt).toMatch(ISO);
    expect(
      await store.jobs.update('job_1', { status: 'COMPLETED', chunksDone: 2, chunksFailed: 0 }),
    ).toBeNull();
    expect(await store.jobs.find(BOB.userId, 'job_1')).toBeNull();
    expect(await store.jobs.unfinished()).toEqual([]);
  });

  it('re-indexes a memory whose text another connection changed: new vector, new terms', async () => {
    const memory = await remember('Kayak rental invoice for the spring retreat');
    await reindexStale(db(), embedder); // what earlier tests wrote without vectors
    await db().run('UPDATE memories SET content = ? WHERE id = ?', [
      'Glacier hiking permit for the autumn retreat',
      memory.id,
    ]);
    expect(await reindexStale(db(), embedder)).toEqual([memory.id]);
    expect(
      (await store.searchLexical(ALICE, ['glacier'], { limit: 5, filter: {} })).map((h) => h.memory.id),
    ).toEqual([memory.id]);
    expect(await store.searchLexical(ALICE, ['kayak'], { limit: 5, filter: {} })).toEqual([]);
    const [warm] = await store.warmRows([memory.id]);
    expect(Array.from(warm!.embedding)).toEqual(
      Array.from(await embedder.embed('Glacier hiking permit for the autumn retreat')),
    );
  });
});
