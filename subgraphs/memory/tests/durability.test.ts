import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger, DuckDb, type Viewer } from '@sophia/kit';
import { CEO, startSubgraph, tempDataDir, TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import { ServiceProcess } from '../../../ops/src/launcher/service-process.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';
import { graphqlAt, mapLimit, word, wordsFrom, type Post } from './durability-helpers.ts';
import { freePort, sleep, startRedis } from './redis-server.ts';

const REMEMBER = `mutation($input: RememberInput!) {
  remember(input: $input) { memory { id content } merged errors { code } } }`;
const HIT = 'memory { id content source { id } } servedFrom';
const SEARCH = `query($q: String!) { searchMemories(query: $q, limit: 3) { ${HIT} } }`;
const BY_ID = 'query($id: ID!) { memory(id: $id) { id content } }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Memory { id content } } }`;
const INGEST = `mutation($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { job { id documentId chunksTotal } errors { code } } }`;
const JOB = `query($id: ID!, $limit: Int) {
  ingestJob(id: $id) { status chunksTotal chunksDone chunksFailed memories(limit: $limit) { content } } }`;

interface Hit {
  memory: { id: string; content: string; source: { id: string | null } };
  servedFrom: string;
}
interface Job {
  status: string;
  chunksTotal: number;
  chunksDone: number;
  chunksFailed: number;
  memories: { content: string }[];
}

/** Someone other than the CEO, with caches of their own. */
const OTHER: Viewer = { userId: 'usr_090', roles: ['member'], scopes: [] };

const MEMORIES = 1_000;
const CHUNKS = 1_000;
const CHUNK_WORDS = 20;
/** Word numbers: remembered notes use 0..999 and 50,000 on, the document 10,000 to 29,999; none is in both. */
const DOCUMENT_FROM = 10_000;
/**
 * Three words of its own per note: the local embedder hashes words into 768 buckets, so among 1,000 notes
 * with one own word each, some pairs collide and merge as near-duplicates (see the report); three do not.
 */
const noteOf = (i: number) => `Crash drill note ${word(i)} ${word(50_000 + i)} ${word(60_000 + i)}`;
const chunkOf = (k: number) => wordsFrom(DOCUMENT_FROM + k * CHUNK_WORDS, CHUNK_WORDS);
/** A word from the middle of chunk `k`, found in that chunk only. */
const chunkWord = (k: number) => word(DOCUMENT_FROM + k * CHUNK_WORDS + CHUNK_WORDS / 2);

/** Searches per request: each is its own aliased `searchMemories` field, answered as if asked alone. */
const SEARCHES_PER_REQUEST = 25;
/**
 * The hits for each of `queries`, in order, from one request. Checking 1,700 searches one request each spent
 * most of this test's minute on HTTP, signing and parsing rather than on searching.
 */
const searchesFor = async (post: Post, queries: readonly string[]): Promise<Hit[][]> => {
  const variables = queries.map((_, n) => `$q${n}: String!`).join(', ');
  const fields = queries.map((_, n) => `s${n}: searchMemories(query: $q${n}, limit: 3) { ${HIT} }`).join(' ');
  const response = await post<Record<string, Hit[]>>(
    `query(${variables}) { ${fields} }`,
    Object.fromEntries(queries.map((q, n) => [`q${n}`, q])),
  );
  expect(response.errors).toBeUndefined();
  return queries.map((_, n) => response.data![`s${n}`]!);
};
/** Runs `check` on every item, with the searches for `queryOf` each item asked SEARCHES_PER_REQUEST at a time. */
const searchEach = async <T, R>(
  items: readonly T[],
  queryOf: (item: T) => string,
  post: Post,
  check: (item: T, hits: Hit[]) => R,
): Promise<R[]> => {
  const groups = Array.from({ length: Math.ceil(items.length / SEARCHES_PER_REQUEST) }, (_, g) =>
    items.slice(g * SEARCHES_PER_REQUEST, (g + 1) * SEARCHES_PER_REQUEST),
  );
  const checked = await mapLimit(groups, 2, async (group) => {
    const hits = await searchesFor(post, group.map(queryOf));
    return group.map((item, n) => check(item, hits[n]!));
  });
  return checked.flat();
};

describe('durability: SIGKILL while remembering and ingesting', () => {
  const dir = tempDataDir('memory-durability');
  const logs: string[] = [];
  const processes: ServiceProcess[] = [];
  const launch = async () => {
    const memory = new ServiceProcess(
      {
        name: 'memory',
        entry: 'subgraphs/memory/src/index.ts',
        port: await freePort(),
        env: {
          SOPHIA_DATA_DIR: dir,
          SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
        },
      },
      (_, line) => logs.push(line),
    );
    processes.push(memory);
    await memory.start();
    return { memory, post: graphqlAt(`${memory.url}/graphql`) };
  };

  afterAll(async () => {
    for (const memory of processes) await memory.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  // About 30 s here (two process starts, 2,000 writes, 1,700 searches in 68 requests): on a busy machine more than
  // the project's 60 s default allows for, so it gets its own budget.
  it('loses no acknowledged memory or chunk, resumes the job, and stores no chunk twice', async () => {
    const first = await launch();

    // The writes: one document of 1,000 chunks in the background, and 1,000 remembers, 50 in flight.
    const ingest = await first.post<{
      ingestDocument: { job: { id: string; documentId: string; chunksTotal: number } };
    }>(INGEST, {
      input: {
        title: 'Crash drill manual',
        content: wordsFrom(DOCUMENT_FROM, CHUNKS * CHUNK_WORDS),
        chunkWords: CHUNK_WORDS,
        overlapWords: 0,
      },
    });
    expect(ingest.errors).toBeUndefined();
    const { id: jobId, documentId, chunksTotal } = ingest.data!.ingestDocument.job;
    expect(chunksTotal).toBe(CHUNKS);

    let killed = false;
    const acknowledged = new Map<number, string>();
    let failedByKill = 0;
    let chunksAcknowledged = 0;
    let next = 0;
    const rememberer = async () => {
      while (!killed && next < MEMORIES) {
        const i = next++;
        let response;
        try {
          response = await first.post<{
            remember: { memory: { id: string; content: string }; merged: boolean };
          }>(REMEMBER, {
            input: { content: noteOf(i) },
          });
        } catch (error) {
          if (!killed) throw error;
          failedByKill += 1;
          continue;
        }
        // Whatever answered is an acknowledgement, and must have answered correctly.
        expect(response.errors).toBeUndefined();
        expect(response.data!.remember.memory.content).toBe(noteOf(i));
        expect(response.data!.remember.merged).toBe(false);
        acknowledged.set(i, response.data!.remember.memory.id);
      }
    };
    const follower = async () => {
      while (!killed) {
        try {
          const job = (await first.post<{ ingestJob: Job }>(JOB, { id: jobId, limit: 1 })).data!.ingestJob;
          chunksAcknowledged = Math.max(chunksAcknowledged, job.chunksDone);
        } catch (error) {
          if (!killed) throw error;
        }
        await sleep(10);
      }
    };
    const writers = Promise.all([...Array.from({ length: 50 }, rememberer), follower()]);
    // A failure before the kill is reported below, when the writers are awaited.
    writers.catch(() => undefined);

    // About half of the 2,000 writes acknowledged: kill the process without letting it drain anything.
    await expect
      .poll(() => acknowledged.size + chunksAcknowledged, { timeout: 50_000, interval: 5 })
      .toBeGreaterThanOrEqual((MEMORIES + CHUNKS) / 2);
    killed = true;
    await first.memory.stop('SIGKILL');
    expect(await first.memory.whenExited()).toBeNull(); // killed by the signal, not exited
    await writers;
    const killedAt = { remembered: acknowledged.size, chunksDone: chunksAcknowledged, failedByKill };
    console.info('acknowledged before SIGKILL', killedAt);
    // The crash must have interrupted both kinds of write, or this test proves nothing about resuming.
    expect(killedAt.remembered).toBeGreaterThan(0);
    expect(killedAt.remembered).toBeLessThan(MEMORIES);
    expect(killedAt.chunksDone).toBeLessThan(CHUNKS);

    // Restarted on the same data directory.
    const second = await launch();
    expect(logs.some((line) => line.includes('resuming document ingest') && line.includes(jobId))).toBe(true);

    // Every acknowledged remember is stored (one _entities lookup for all of them) and found first by its word.
    const ids = [...acknowledged.values()];
    const entities = await second.post<{ _entities: ({ id: string; content: string } | null)[] }>(ENTITIES, {
      r: ids.map((id) => ({ __typename: 'Memory', id })),
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual(
      [...acknowledged].map(([i, id]) => ({ id, content: noteOf(i) })),
    );
    const notes = await searchEach(
      [...acknowledged],
      ([i]) => word(i),
      second.post,
      ([i, id], hits) => ({
        i,
        found: hits.some((hit) => hit.memory.id === id),
        first: hits[0]?.memory.id === id,
      }),
    );
    expect(notes.filter((note) => !note.found)).toEqual([]);
    // Best first, too. Fails today for reasons unrelated to the crash (see the report: L2's vector side misses
    // the note, and the RRF tie with a vector-only neighbour goes to the neighbour); soft, so the rest still runs.
    expect.soft(notes.filter((note) => !note.first).map((note) => note.i)).toEqual([]);

    // The job carries on from its last counted step and completes.
    await expect
      .poll(async () => (await second.post<{ ingestJob: Job }>(JOB, { id: jobId })).data?.ingestJob.status, {
        timeout: 50_000,
      })
      .toBe('COMPLETED');
    const job = (await second.post<{ ingestJob: Job }>(JOB, { id: jobId, limit: 100 })).data!.ingestJob;
    expect(job).toMatchObject({ chunksTotal: CHUNKS, chunksDone: CHUNKS, chunksFailed: 0 });
    expect(job.memories.map((chunk) => chunk.content)).toEqual(
      Array.from({ length: 100 }, (_, k) => chunkOf(k)),
    );

    // Every chunk, before and after the kill, is found by a word of its own, exactly once, with its text.
    const chunks = await searchEach(
      Array.from({ length: CHUNKS }, (_, k) => k),
      chunkWord,
      second.post,
      (k, hits) => {
        const holding = hits.filter((hit) => hit.memory.content.split(' ').includes(chunkWord(k)));
        const right =
          holding.length === 1 &&
          holding[0]!.memory.content === chunkOf(k) &&
          holding[0]!.memory.source.id === documentId;
        return { k, right, first: right && hits[0] === holding[0] };
      },
    );
    expect(chunks.filter((chunk) => !chunk.right)).toEqual([]);
    console.info('not ranked first', {
      notes: notes.filter((note) => !note.first).length,
      chunks: chunks.filter((chunk) => !chunk.first).length,
    });
    expect.soft(chunks.filter((chunk) => !chunk.first).map((chunk) => chunk.k)).toEqual([]);

    // And in the store itself (once the process is gone): each chunk once, each acknowledged note once.
    await second.memory.stop();
    const db = await DuckDb.open(dir, 'memory.duckdb');
    try {
      const [stored] = await db.query<{ rows: number; texts: number }>(
        `SELECT count(*)::INTEGER AS rows, count(DISTINCT content)::INTEGER AS texts
         FROM memories WHERE source_id = ?`,
        [documentId],
      );
      expect(stored).toEqual({ rows: CHUNKS, texts: CHUNKS });
      const [storedNotes] = await db.query<{ rows: number; texts: number }>(
        `SELECT count(*)::INTEGER AS rows, count(DISTINCT content)::INTEGER AS texts
         FROM memories WHERE content LIKE 'Crash drill note %'`,
      );
      expect(storedNotes!.rows).toBe(storedNotes!.texts);
      expect(storedNotes!.rows).toBeGreaterThanOrEqual(acknowledged.size);
    } finally {
      await db.close();
    }
  }, 300_000);
});

describe('durability: Redis killed under a steady mix of searches, remembers and reads', () => {
  const dir = tempDataDir('memory-redis-outage');
  const logger = createLogger('memory', 'silent');
  const warn = vi.spyOn(logger, 'warn');
  const info = vi.spyOn(logger, 'info');
  let redis: ChildProcess | undefined;
  let raw: Redis | undefined;
  let running: RunningSubgraph | undefined;

  afterAll(async () => {
    await running?.close();
    raw?.disconnect();
    redis?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every request, correctly and never stale, on the in-process cache, then returns to Redis', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const config = loadMemoryConfig({
      SOPHIA_DATA_DIR: dir,
      SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
      LOG_LEVEL: 'silent',
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    const server = await startSubgraph(await createMemorySubgraph(config, { logger }));
    running = server;
    raw = new Redis({ port });
    raw.on('error', () => undefined); // it reconnects by itself once Redis is back
    const degraded = async () => {
      const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
      return Number(/^sophia_cache_degraded(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1]);
    };

    type Phase = 'up' | 'down' | 'back';
    let phase: Phase = 'up';
    const answered: Record<Phase, number> = { up: 0, down: 0, back: 0 };
    const failures: unknown[] = [];
    const wrong: unknown[] = [];
    const post = async <TData>(query: string, variables: Record<string, unknown>, viewer: Viewer = CEO) => {
      const at = phase;
      try {
        const response = await server.request<TData>(query, { variables, viewer });
        if (response.status === 200 && response.errors === undefined && response.data) {
          answered[at] += 1;
          return response.data;
        }
        failures.push({ at, status: response.status, errors: response.errors });
      } catch (error) {
        failures.push({ at, error: String(error) });
      }
      return undefined;
    };
    let notes = 0;
    const remember = async () => {
      const i = notes++;
      const content = `Outage drill ${word(70_000 + i)} ${word(80_000 + i)} ${word(90_000 + i)}`;
      const data = await post<{ remember: { memory: { id: string; content: string } } }>(REMEMBER, {
        input: { content },
      });
      if (data && data.remember.memory.content !== content) wrong.push({ remember: content, got: data });
      return data && { id: data.remember.memory.id, word: word(70_000 + i) };
    };
    const search = async (q: string, viewer: Viewer = CEO) =>
      (await post<{ searchMemories: Hit[] }>(SEARCH, { q }, viewer))?.searchMemories;
    const rememberAs = async (viewer: Viewer, content: string) =>
      (await post<{ remember: { memory: { id: string } } }>(REMEMBER, { input: { content } }, viewer))!
        .remember.memory.id;

    // The mix: a remember, a search for a remembered word, a read by id; four at a time until told to stop.
    const remembered: { id: string; word: string }[] = [];
    const pick = () => remembered[Math.floor(Math.random() * remembered.length)];
    let stopped = false;
    const worker = async () => {
      for (let round = 0; !stopped; round += 1) {
        const known = pick();
        if (round % 3 === 0 || !known) {
          const note = await remember();
          if (note) remembered.push(note);
        } else if (round % 3 === 1) {
          const hits = await search(known.word);
          if (hits && !hits.some((hit) => hit.memory.id === known.id)) wrong.push({ search: known, hits });
        } else {
          const data = await post<{ memory: { id: string } | null }>(BY_ID, { id: known.id });
          if (data && data.memory?.id !== known.id) wrong.push({ read: known, got: data });
        }
      }
    };
    const workers = Promise.all(Array.from({ length: 4 }, worker));

    /** A new note is found by its word; a cached answer goes once a memory it should now hold is remembered. */
    const notStale = async () => {
      const note = (await remember())!;
      const before = await search(`${note.word} unrelated`);
      expect(before?.some((hit) => hit.memory.id === note.id)).toBe(true);
      // A word nobody has yet: its answer (vector neighbours at most) is cached, then a memory gets the word.
      const marker = word(95_000 + notes);
      for (let i = 0; i < 2; i += 1) {
        expect((await search(marker))?.some((hit) => hit.memory.content.includes(marker))).toBe(false);
      }
      const added = await rememberAs(CEO, `Outage marker ${marker}`);
      expect((await search(marker))?.some((hit) => hit.memory.id === added)).toBe(true);
    };

    await expect.poll(() => answered.up, { timeout: 30_000 }).toBeGreaterThanOrEqual(100);
    expect(await degraded()).toBe(0);
    expect((await raw.keys('sophia:search:*')).length).toBeGreaterThan(0);
    await notStale();
    // Cached in Redis, then changed while Redis is away: once Redis serves again, the old answer must not. The
    // search is another user's, whose cache generations the mix above never touches.
    const across = word(99_000);
    const anchorId = await rememberAs(OTHER, `Crossing anchor ${across}`);
    expect((await search(across, OTHER))?.map((hit) => hit.memory.id)).toEqual([anchorId]);
    expect((await search(across, OTHER))?.map((hit) => [hit.memory.id, hit.servedFrom])).toEqual([
      [anchorId, 'L1'],
    ]);

    redis.kill('SIGKILL');
    await once(redis, 'exit');
    phase = 'down';
    await expect.poll(degraded, { timeout: 20_000 }).toBe(1);
    expect(warn).toHaveBeenCalledWith(
      expect.anything(),
      'L1 cache: Redis unavailable, serving from the in-process cache',
    );
    await notStale();
    const lateId = await rememberAs(OTHER, `Crossing late ${across}`);
    // The fallback really caches: a repeated search is answered from L1 while Redis is down.
    const repeated = word(98_000);
    await search(repeated);
    expect((await search(repeated))?.every((hit) => hit.servedFrom === 'L1')).toBe(true);
    const downFrom = answered.down;
    await expect.poll(() => answered.down - downFrom, { timeout: 30_000 }).toBeGreaterThanOrEqual(200);

    redis = await startRedis(port);
    phase = 'back';
    await expect.poll(degraded, { timeout: 20_000 }).toBe(0);
    expect(info).toHaveBeenCalledWith('L1 cache: Redis is back');
    expect((await search(across, OTHER))?.map((hit) => hit.memory.id).sort()).toEqual(
      [anchorId, lateId].sort(),
    );
    await notStale();
    await expect.poll(async () => (await raw!.keys('sophia:search:*')).length).toBeGreaterThan(0);
    await expect.poll(() => answered.back, { timeout: 30_000 }).toBeGreaterThanOrEqual(100);

    stopped = true;
    await workers;
    console.info('answered per phase', answered);
    expect(failures).toEqual([]);
    expect(wrong).toEqual([]);
  });
});
