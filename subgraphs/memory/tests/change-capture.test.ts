import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, DuckDb, type Subgraph } from '@sophia/kit';
import { connect, destroy, exec } from '../../../tests/fakes/snowflake/sdk-client.ts';
import { startStoreBackend, type StoreBackend } from '../../kit/tests/store-contract-backends.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { rememberMemory, type MemoryService } from '../src/memory-service.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';
import { sleep } from './redis-server.ts';

/**
 * Change data capture: a memory changed in the warehouse by anything but the memory service is re-embedded
 * and found by its new content in every replica's L2 (waits poll until true: no limit on speed).
 */
const OLD = 'Quarterly pricing review for the harbour account';
const NEW = 'Glacier hiking permit for the autumn retreat';
const READER = { userId: 'u_reader', teamId: null };

interface Replica {
  readonly subgraph: Subgraph;
  readonly service: MemoryService;
}

async function startReplica(env: Record<string, string>): Promise<Replica> {
  let service: MemoryService | undefined;
  const config = loadMemoryConfig({ ...env, LOG_LEVEL: 'silent', MEMORY_CHANGE_POLL_MS: '250' });
  const subgraph = await createMemorySubgraph(config, {
    logger: createLogger('memory', 'silent'),
    onService: (built) => (service = built),
  });
  return { subgraph, service: service! };
}

/** Ids L2 finds by words alone (its lexical side) for a reader who may see ORG memories. */
const lexicalIds = (service: MemoryService, text: string) =>
  service.warm.search({ vector: null, text, scope: READER, limit: 20 }).map((hit) => hit.id);

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await sleep(100);
}

const remember = async (service: MemoryService, content: string) =>
  (
    await rememberMemory(service, Promise.resolve({ userId: 'u_author', teamId: null }), {
      content,
      kind: 'NOTE',
      visibility: 'ORG',
      accountId: null,
    })
  ).memory.id;

describe('change capture on Snowflake: two replicas sharing one warehouse', () => {
  let backend: StoreBackend;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    backend = await startStoreBackend('snowflake');
    replicas = [await startReplica(backend.env), await startReplica(backend.env)];
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.subgraph.close();
    await backend?.close();
  });

  it('a memory one replica writes reaches the other replica’s L2 through the change log', async () => {
    const [first, second] = replicas.map((replica) => replica.service) as [MemoryService, MemoryService];
    const id = await remember(first, 'Ferry timetable for the winter offsite');
    expect(lexicalIds(first, 'ferry timetable')).toContain(id);
    await until(() => lexicalIds(second, 'ferry timetable').includes(id));
  });

  it('an UPDATE through another snowflake-sdk connection is re-embedded and found by its new words on both', async () => {
    const [first, second] = replicas.map((replica) => replica.service) as [MemoryService, MemoryService];
    const id = await remember(first, OLD);
    await until(() => lexicalIds(second, 'harbour pricing').includes(id));

    const analyst = await connect(backend.fake!);
    try {
      const updated = await exec(analyst, 'UPDATE memories SET content = ? WHERE id = ?', [NEW, id]);
      expect(updated.statement.getNumUpdatedRows()).toBe(1);
    } finally {
      await destroy(analyst);
    }

    const newVector = await first.embedder.embed(NEW);
    // The vector side holds the new content's embedding, not the old one's.
    const nearest = (service: MemoryService) =>
      service.warm.search({ vector: newVector, text: '', scope: READER, limit: 1 })[0];
    for (const service of [first, second]) {
      // The lexical and vector sides may settle on different passes (a replica can index the analyst's row
      // before another replica's re-embedding reaches it through the log): wait for both.
      await until(
        () =>
          lexicalIds(service, 'glacier hiking').includes(id) &&
          !lexicalIds(service, 'harbour pricing').includes(id) &&
          nearest(service)?.id === id &&
          (nearest(service)?.vectorSimilarity ?? 0) > 0.9999,
      );
      expect(nearest(service)).toMatchObject({ id });
      expect(nearest(service)!.vectorSimilarity).toBeCloseTo(1, 4);
    }
    // L3 was re-indexed too: its vector, lexical terms and the hash of the text they were made from.
    const [row] = await first.store.sql.query<{ content: string; hashed: boolean }>(
      'SELECT content, indexed_hash = md5(content) AS hashed FROM memories WHERE id = ?',
      [id],
    );
    expect(row).toEqual({ content: NEW, hashed: true });
  });

  it('a DELETE through another connection leaves both replicas’ L2', async () => {
    const [first, second] = replicas.map((replica) => replica.service) as [MemoryService, MemoryService];
    const id = await remember(first, 'Lighthouse maintenance contract renewal terms');
    await until(() => lexicalIds(second, 'lighthouse').includes(id));
    const analyst = await connect(backend.fake!);
    try {
      await exec(analyst, 'DELETE FROM memories WHERE id = ?', [id]);
    } finally {
      await destroy(analyst);
    }
    for (const service of [first, second]) await until(() => !service.warm.has(id));
  });
});

describe('change capture on the embedded DuckDB store', () => {
  let backend: StoreBackend;
  let replica: Replica | undefined;

  beforeAll(async () => {
    backend = await startStoreBackend('duckdb');
    replica = await startReplica(backend.env);
  });
  afterAll(async () => {
    await replica?.subgraph.close();
    await backend?.close();
  });

  it('re-indexes text changed by a statement that bypassed the memory service', async () => {
    const { service } = replica!;
    const id = await remember(service, OLD);
    await service.store.sql.run('UPDATE memories SET content = ? WHERE id = ?', [NEW, id]);
    await until(
      () =>
        lexicalIds(service, 'glacier hiking').includes(id) &&
        !lexicalIds(service, 'harbour pricing').includes(id),
    );
  });

  it('re-indexes at start what was changed in the file while the service was stopped', async () => {
    const id = await remember(replica!.service, 'Kayak rental invoice for the spring retreat');
    await replica!.subgraph.close();
    replica = undefined;
    const file = await DuckDb.open(backend.env['SOPHIA_DATA_DIR']!, 'memory.duckdb');
    await file.run('UPDATE memories SET content = ? WHERE id = ?', [
      'Snowshoe trail map for the winter retreat',
      id,
    ]);
    await file.close();
    replica = await startReplica(backend.env);
    expect(lexicalIds(replica.service, 'snowshoe trail')).toContain(id);
    expect(lexicalIds(replica.service, 'kayak rental')).not.toContain(id);
  });
});
