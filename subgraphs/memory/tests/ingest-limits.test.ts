import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Viewer } from '@sophia/kit';
import { CEO, startSubgraph, tempDataDir, TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import { loadMemoryConfig } from '../src/env.ts';
import type { IngestJobRow } from '../src/ingest/job-store.ts';
import type { MemoryService } from '../src/memory-service.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';

const OTHER: Viewer = { userId: 'usr_090', roles: ['member'], scopes: [] };
const ADMIN: Viewer = { userId: 'usr_091', roles: ['member', 'admin'], scopes: [] };

const INGEST = `mutation($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { job { id status } errors { field code message } } }`;
const CANCEL = `mutation($id: ID!) {
  cancelIngestJob(id: $id) { job { id status chunksDone finishedAt } errors { field code message } } }`;
const JOB = `query($id: ID!) { ingestJob(id: $id) { status chunksDone memories(limit: 100) { id } } }`;

interface UserError {
  field: string[];
  code: string;
  message: string;
}
interface Payload {
  job: { id: string; status: string; chunksDone: number; finishedAt: string | null } | null;
  errors: UserError[];
}

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}x`).join(' ');

describe('document ingest is bounded: chunk step, bytes, chunks, jobs in flight; and it can be cancelled', () => {
  const dir = tempDataDir('memory-ingest-limits');
  const config = loadMemoryConfig({
    SOPHIA_DATA_DIR: dir,
    SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
    LOG_LEVEL: 'silent',
    MEMORY_INGEST_MAX_BYTES: '200000',
    MEMORY_INGEST_MAX_CHUNKS: '300',
    MEMORY_INGEST_MAX_JOBS_PER_USER: '3',
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
    (await running.request<{ ingestDocument: Payload }>(INGEST, { variables: { input }, viewer })).data!
      .ingestDocument;
  const cancel = async (id: string, viewer: Viewer = CEO) =>
    (await running.request<{ cancelIngestJob: Payload }>(CANCEL, { variables: { id }, viewer })).data!
      .cancelIngestJob;
  const job = async (id: string, viewer: Viewer = CEO) =>
    (
      await running.request<{
        ingestJob: { status: string; chunksDone: number; memories: { id: string }[] };
      }>(JOB, { variables: { id }, viewer })
    ).data!.ingestJob;
  /** A job as a stopped process leaves it: RUNNING in the store, with nothing working on it until a restart. */
  const leftRunning = async (id: string, ownerId: string) => {
    const row: Omit<IngestJobRow, 'chunksDone' | 'chunksFailed' | 'error' | 'finishedAt'> = {
      id,
      ownerId,
      teamId: null,
      title: `Left behind ${id}`,
      documentId: `doc_${id}`,
      visibility: 'PRIVATE',
      accountId: null,
      chunkWords: 100,
      overlapWords: 0,
      status: 'RUNNING',
      chunksTotal: 2,
      createdAt: new Date().toISOString(),
    };
    expect(await service.store.jobs.createWithin(row, words(200, 90_000), Infinity)).toBe(true);
  };

  beforeAll(start);
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an overlap of more than half a chunk (20 words stepping by 1 would make ~20× the text)', async () => {
    const refused = await ingest({ title: 'Step', content: words(400), chunkWords: 20, overlapWords: 19 });
    expect(refused).toEqual({
      job: null,
      errors: [
        {
          field: ['input', 'overlapWords'],
          code: 'BAD_USER_INPUT',
          message: expect.stringContaining('half of chunkWords (10)'),
        },
      ],
    });
    const accepted = await ingest({ title: 'Step', content: words(40), chunkWords: 20, overlapWords: 10 });
    expect(accepted.errors).toEqual([]);
  });

  it('refuses a document over the byte limit, counted in UTF-8 bytes rather than characters', async () => {
    // 100,001 characters, 200,002 bytes: under a character limit of 200,000, over the byte limit.
    const refused = await ingest({ title: 'Accents', content: 'é'.repeat(100_001) });
    expect(refused).toEqual({
      job: null,
      errors: [
        {
          field: ['input', 'content'],
          code: 'BAD_USER_INPUT',
          message: 'A document must be at most 200,000 bytes of UTF-8 text (it has 200,002).',
        },
      ],
    });
  });

  it('refuses a document that splits into more chunks than allowed, storing nothing', async () => {
    const refused = await ingest({ title: 'Many', content: words(6_020), chunkWords: 20, overlapWords: 0 });
    expect(refused).toEqual({
      job: null,
      errors: [
        {
          field: ['input', 'content'],
          code: 'BAD_USER_INPUT',
          message: expect.stringMatching(/^The document splits into 301 chunks; at most 300 are allowed/),
        },
      ],
    });
  });

  it('answers RATE_LIMITED while the user has as many jobs in flight as allowed; others are unaffected', async () => {
    for (const id of ['job_a', 'job_b', 'job_c']) await leftRunning(id, OTHER.userId!);
    const refused = await ingest({ title: 'Fourth', content: words(50) }, OTHER);
    expect(refused).toEqual({
      job: null,
      errors: [
        {
          field: ['input'],
          code: 'RATE_LIMITED',
          message: expect.stringContaining('You already have 3 documents being ingested'),
        },
      ],
    });
    expect((await ingest({ title: 'Someone else', content: words(50) })).errors).toEqual([]);
    expect(await cancel('job_a', OTHER)).toMatchObject({
      job: { id: 'job_a', status: 'CANCELLED' },
      errors: [],
    });
    expect((await ingest({ title: 'Fourth', content: words(50) }, OTHER)).errors).toEqual([]);
  });

  it('lets only the owner or an admin cancel; anyone else gets the answer a missing job gets', async () => {
    const answerFor = async (id: string) => {
      const { job: found, errors } = await cancel(id, CEO);
      return {
        job: found,
        errors: errors.map((error) => ({ ...error, message: error.message.replace(id, '<id>') })),
      };
    };
    expect(await answerFor('job_b')).toEqual(await answerFor('job_does_not_exist'));
    expect((await answerFor('job_b')).errors).toEqual([
      { field: ['id'], code: 'NOT_FOUND', message: 'You have no ingest job with id "<id>".' },
    ]);
    expect((await job('job_b', OTHER)).status).toBe('RUNNING');
    expect(await cancel('job_b', ADMIN)).toMatchObject({ job: { status: 'CANCELLED' }, errors: [] });
    // Cancelling again changes nothing; a finished job answers CONFLICT.
    expect(await cancel('job_b', OTHER)).toMatchObject({ job: { status: 'CANCELLED' }, errors: [] });
    const { job: small } = await ingest({ title: 'Small', content: words(30) });
    await expect.poll(async () => (await job(small!.id)).status, { timeout: 30_000 }).toBe('COMPLETED');
    expect(await cancel(small!.id)).toMatchObject({
      job: { status: 'COMPLETED' },
      errors: [{ field: ['id'], code: 'CONFLICT' }],
    });
  });

  it('stops a running job after the step in progress, and a restart does not resume it', async () => {
    // Embedding waits on a gate, so the job is surely mid-step when it is cancelled.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { embedder } = service;
    const embed = embedder.embed;
    Object.assign(embedder, { embed: async (text: string) => (await gate, embed(text)) });
    const { job: started } = await ingest({
      title: 'Long',
      content: words(5_000),
      chunkWords: 20,
      overlapWords: 0,
    });
    const cancelled = cancel(started!.id);
    await expect.poll(async () => (await job(started!.id)).status, { timeout: 30_000 }).toBe('CANCELLED');
    open();
    Object.assign(embedder, { embed });
    expect(await cancelled).toMatchObject({ job: { status: 'CANCELLED', chunksDone: 0 }, errors: [] });
    const after = await job(started!.id);
    // At most the one step that was under way (32 chunks) was remembered, of 250.
    expect(after.memories.length).toBeLessThanOrEqual(32);
    expect(after.chunksDone).toBe(0);

    await running.close();
    await start();
    const restarted = await job(started!.id);
    expect(restarted).toMatchObject({ status: 'CANCELLED', chunksDone: 0 });
    expect(restarted.memories).toHaveLength(after.memories.length);
    // job_c, left RUNNING and never cancelled, is resumed by the same restart: the restart did resume work.
    await expect.poll(async () => (await job('job_c', OTHER)).status, { timeout: 30_000 }).toBe('COMPLETED');
  });
});
