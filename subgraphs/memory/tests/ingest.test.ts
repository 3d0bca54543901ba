import { rmSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createLogger, signViewerToken, VIEWER_CONNECTION_PARAM, type Viewer } from '@sophia/kit';
import {
  CEO,
  startSubgraph,
  tempDataDir,
  TEST_ANCHOR,
  TEST_SECRET,
  type RunningSubgraph,
} from '@sophia/kit/testing';
import { loadMemoryConfig } from '../src/env.ts';
import type { MemoryService } from '../src/memory-service.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';

const OTHER: Viewer = { userId: 'usr_090', roles: ['member'], scopes: [] };

const JOB_FIELDS = 'id title status documentId chunksTotal chunksDone chunksFailed progress error finishedAt';
const INGEST = `mutation($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { job { ${JOB_FIELDS} } errors { field code message } } }`;
const JOB = `query($id: ID!) { ingestJob(id: $id) { ${JOB_FIELDS} memories(limit: 100) { id kind content source { type id title } } } }`;
const PROGRESS = `subscription($id: ID!) { ingestJobProgress(id: $id) { status chunksDone chunksTotal progress } }`;
const SEARCH = `query($q: String!) { searchMemories(query: $q, limit: 3) { memory { id source { id title } } } }`;

interface Job {
  id: string;
  status: string;
  documentId: string;
  chunksTotal: number;
  chunksDone: number;
  chunksFailed: number;
  progress: number;
  error: string | null;
  finishedAt: string | null;
  memories?: {
    id: string;
    kind: string;
    content: string;
    source: { type: string; id: string; title: string };
  }[];
}

/** Pronounceable made-up words, distinct for every `i`: a document's words never collide with the demo's. */
const word = (i: number) => {
  const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ri', 'so', 'tu', 'va', 'ze'];
  let text = 'q';
  for (let n = i + 100; n > 0; n = Math.floor(n / 10)) text += syllables[n % 10];
  return text;
};
const documentOf = (words: number, from = 0) =>
  Array.from({ length: words }, (_, i) => word(from + i)).join(' ');

describe('ingestDocument: chunked in the background, followed by polling and by subscription', () => {
  const dir = tempDataDir('memory-ingest');
  const config = loadMemoryConfig({
    SOPHIA_DATA_DIR: dir,
    SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
    LOG_LEVEL: 'silent',
  });
  let running: RunningSubgraph;
  let service: MemoryService;

  const start = async () => {
    running = await startSubgraph(
      await createMemorySubgraph(config, {
        logger: createLogger('memory', 'silent'),
        onService: (built) => (service = built),
      }),
    );
  };
  const ingest = async (input: Record<string, unknown>, viewer: Viewer = CEO) =>
    (
      await running.request<{ ingestDocument: { job: Job | null; errors: unknown[] } }>(INGEST, {
        variables: { input },
        viewer,
      })
    ).data!.ingestDocument;
  const job = async (id: string, viewer: Viewer = CEO) =>
    (await running.request<{ ingestJob: Job | null }>(JOB, { variables: { id }, viewer })).data!.ingestJob;
  const finished = async (id: string) => {
    await expect.poll(async () => (await job(id))?.status, { timeout: 30_000 }).toMatch(/COMPLETED|FAILED/);
    return (await job(id))!;
  };

  beforeAll(start);
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns a queued job at once, then remembers every overlapping chunk in document order', async () => {
    const { job: queued, errors } = await ingest({
      title: 'Kalomi field guide',
      content: documentOf(500),
      visibility: 'ORG',
      chunkWords: 100,
      overlapWords: 25,
    });
    expect(errors).toEqual([]);
    // 500 words in windows of 100 that step by 75: they start at 0, 75, ..., 450 (the first to reach the end).
    expect(queued).toMatchObject({ status: 'QUEUED', chunksTotal: 7, chunksDone: 0, progress: 0 });
    const done = await finished(queued!.id);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      chunksDone: 7,
      chunksFailed: 0,
      progress: 1,
      error: null,
    });
    expect(done.finishedAt).not.toBeNull();
    const chunks = done.memories!;
    expect(chunks).toHaveLength(7);
    expect(chunks.every((chunk) => chunk.kind === 'DOCUMENT_CHUNK')).toBe(true);
    expect(chunks[0]!.source).toEqual({ type: 'DOCUMENT', id: done.documentId, title: 'Kalomi field guide' });
    for (let i = 1; i < chunks.length; i += 1) {
      const previous = chunks[i - 1]!.content.split(' ');
      const next = chunks[i]!.content.split(' ');
      expect(next.slice(0, 25)).toEqual(previous.slice(-25));
    }
    expect(chunks.map((chunk) => chunk.content.split(' ')[0])).toEqual(
      [0, 75, 150, 225, 300, 375, 450].map(word),
    );
  });

  it('makes every chunk searchable, by its words and by its document’s title', async () => {
    const { job: queued } = await ingest({ title: 'Zepetu handbook', content: documentOf(300, 5_000) });
    const done = await finished(queued!.id);
    const search = async (q: string) =>
      (await running.request<{ searchMemories: { memory: { id: string } }[] }>(SEARCH, { variables: { q } }))
        .data!.searchMemories;
    const ids = done.memories!.map((chunk) => chunk.id);
    expect(ids).toContain((await search(word(5_250)))[0]?.memory.id);
    expect(ids).toContain((await search('zepetu handbook'))[0]?.memory.id);
  });

  it('streams progress to a subscriber: the state now, then every step, ending with COMPLETED', async () => {
    const { job: queued } = await ingest({
      title: 'Long kalomi',
      content: documentOf(5_000, 20_000),
      chunkWords: 20,
      overlapWords: 0,
    });
    const client = createClient({
      url: running.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: async () => ({ [VIEWER_CONNECTION_PARAM]: await signViewerToken(CEO, TEST_SECRET) }),
    });
    try {
      const updates: { status: string; chunksDone: number; chunksTotal: number }[] = [];
      for await (const event of client.iterate<{ ingestJobProgress: (typeof updates)[number] }>({
        query: PROGRESS,
        variables: { id: queued!.id },
      })) {
        updates.push(event.data!.ingestJobProgress);
      }
      expect(updates.at(-1)).toMatchObject({ status: 'COMPLETED', chunksDone: 250, chunksTotal: 250 });
      expect(updates.length).toBeGreaterThan(2);
      const done = updates.map((update) => update.chunksDone);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    } finally {
      await client.dispose();
    }
  });

  it('never merges an ingested TEAM chunk into the owner’s private note of the same text', async () => {
    const text = documentOf(60, 80_000);
    const REMEMBER = `mutation($input: RememberInput!) { remember(input: $input) { memory { id } merged } }`;
    const note = await running.request<{ remember: { memory: { id: string } } }>(REMEMBER, {
      variables: { input: { content: text } },
    });
    const { job: queued } = await ingest({ title: 'Team kalomi', content: text, visibility: 'TEAM' });
    const done = await finished(queued!.id);
    expect(done).toMatchObject({ status: 'COMPLETED', chunksDone: 1 });
    const [chunk] = done.memories!;
    expect(chunk!.id).not.toBe(note.data!.remember.memory.id);
    const VISIBILITY = 'query($id: ID!) { memory(id: $id) { visibility kind } }';
    const visibilityOf = async (id: string) =>
      (await running.request<{ memory: unknown }>(VISIBILITY, { variables: { id } })).data!.memory;
    expect(await visibilityOf(chunk!.id)).toEqual({ visibility: 'TEAM', kind: 'DOCUMENT_CHUNK' });
    expect(await visibilityOf(note.data!.remember.memory.id)).toEqual({
      visibility: 'PRIVATE',
      kind: 'NOTE',
    });
  });

  it('reports every input mistake as data and starts nothing', async () => {
    const { job: refused, errors } = await ingest({
      title: ' ',
      content: '',
      chunkWords: 10,
      accountId: 'nope',
    });
    expect(refused).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ field: ['input', 'title'], code: 'BAD_USER_INPUT' }),
      expect.objectContaining({ field: ['input', 'content'], code: 'BAD_USER_INPUT' }),
      expect.objectContaining({ field: ['input', 'chunkWords'], code: 'BAD_USER_INPUT' }),
      expect.objectContaining({ field: ['input', 'accountId'], code: 'BAD_USER_INPUT' }),
    ]);
    const overlap = await ingest({ title: 'x', content: 'a b c', chunkWords: 50, overlapWords: 50 });
    expect(overlap.errors).toEqual([expect.objectContaining({ field: ['input', 'overlapWords'] })]);
  });

  it('keeps a private job and its chunks from everyone else, by polling and by subscription', async () => {
    const { job: queued } = await ingest({ title: 'Private kalomi notes', content: documentOf(200, 40_000) });
    await finished(queued!.id);
    expect(await job(queued!.id, OTHER)).toBeNull();
    const client = createClient({
      url: running.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: async () => ({
        [VIEWER_CONNECTION_PARAM]: await signViewerToken(OTHER, TEST_SECRET),
      }),
    });
    try {
      const first = await client.iterate({ query: PROGRESS, variables: { id: queued!.id } }).next();
      expect(first.value).toEqual({
        data: null,
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
      });
    } finally {
      await client.dispose();
    }
  });

  it('resumes a job a stopped process left unfinished, from the step it had counted', async () => {
    const content = documentOf(400, 60_000);
    await service.store.jobs.createWithin(
      {
        id: 'job_left_behind',
        ownerId: CEO.userId!,
        teamId: null,
        title: 'Interrupted kalomi',
        documentId: 'doc_left_behind',
        visibility: 'PRIVATE',
        accountId: null,
        chunkWords: 100,
        overlapWords: 0,
        status: 'RUNNING',
        chunksTotal: 4,
        createdAt: new Date().toISOString(),
      },
      content,
      Infinity,
    );
    await running.close();
    await start();
    const done = await finished('job_left_behind');
    expect(done).toMatchObject({ status: 'COMPLETED', chunksDone: 4 });
    expect(done.memories!.map((chunk) => chunk.content)).toEqual(
      [0, 1, 2, 3].map((i) => documentOf(100, 60_000 + i * 100)),
    );
  });
});
