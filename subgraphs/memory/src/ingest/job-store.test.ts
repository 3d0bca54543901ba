import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb, type Clock } from '@sophia/kit';
import { ingestJobsDdl, IngestJobStore } from './job-store.ts';

/** A clock far from real time, so a timestamp taken from the system clock instead cannot pass. */
const NOW = '2031-05-06T07:08:09.010Z';
const clock: Clock = { now: () => new Date(NOW), today: () => NOW.slice(0, 10) };

const job = (id: string) => ({
  id,
  ownerId: 'usr_001',
  teamId: null,
  title: 'Handbook',
  documentId: `doc-${id}`,
  visibility: 'ORG' as const,
  accountId: null,
  chunkWords: 200,
  overlapWords: 20,
  status: 'QUEUED' as const,
  chunksTotal: 3,
  createdAt: clock.now().toISOString(),
});

describe('IngestJobStore', () => {
  let db: DuckDb;
  let jobs: IngestJobStore;
  beforeAll(async () => {
    db = await DuckDb.open('.', ':memory:');
    await db.run(ingestJobsDdl('duckdb'));
    jobs = new IngestJobStore(db, (work) => work(), clock);
  });
  afterAll(() => db.close());

  it('finishes and cancels jobs at the store clock’s time, not the system’s', async () => {
    expect(await jobs.createWithin(job('j-done'), 'text', 5)).toBe(true);
    expect(await jobs.createWithin(job('j-cancelled'), 'text', 5)).toBe(true);
    const done = await jobs.update('j-done', { status: 'COMPLETED', chunksDone: 3, chunksFailed: 0 });
    const cancelled = await jobs.cancel('j-cancelled');
    expect(done).toMatchObject({ status: 'COMPLETED', createdAt: NOW, finishedAt: NOW });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', createdAt: NOW, finishedAt: NOW });
  });
});
