import type { Connection } from 'snowflake-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Subgraph } from '@sophia/kit';
import { tempDataDir } from '@sophia/kit/testing';
import {
  FAKE_PASSWORD,
  FAKE_USER,
  startFakeSnowflake,
  type FakeSnowflake,
} from '../../../tests/fakes/snowflake/index.ts';
import { runOpsSnowflakeDdl } from '../../../tests/fakes/snowflake/ops-ddl-files.ts';
import { connect, destroy, exec } from '../../../tests/fakes/snowflake/sdk-client.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { rememberMemory, type MemoryService } from '../src/memory-service.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';
import { sleep } from './redis-server.ts';

/**
 * An operator sets the schema up with ops/snowflake first; the memory service then opens on it (its
 * migrations find every table), and the ops objects serve it: SEMANTIC_SEARCH finds what it stores, and the
 * task's change log reaches its L2.
 */
const READER = { userId: 'u_reader', teamId: null };

describe('the memory service on the schema ops/snowflake made', () => {
  let fake: FakeSnowflake;
  let operator: Connection;
  let subgraph: Subgraph;
  let service: MemoryService;

  beforeAll(async () => {
    fake = await startFakeSnowflake();
    operator = await connect(fake, { database: 'SOPHIA', schema: 'SOPHIA_MEMORY' });
    await runOpsSnowflakeDdl(operator);
    const config = loadMemoryConfig({
      SOPHIA_DATA_DIR: tempDataDir('memory'),
      LOG_LEVEL: 'silent',
      MEMORY_CHANGE_POLL_MS: '250',
      SNOWFLAKE_ACCOUNT: 'fakeacct',
      SNOWFLAKE_ACCESS_URL: fake.accessUrl,
      SNOWFLAKE_USER: FAKE_USER,
      SNOWFLAKE_PASSWORD: FAKE_PASSWORD,
      SNOWFLAKE_DATABASE: 'SOPHIA',
      SNOWFLAKE_SCHEMA: 'SOPHIA_MEMORY',
      SNOWFLAKE_WAREHOUSE: 'SOPHIA_WH',
    });
    subgraph = await createMemorySubgraph(config, {
      logger: createLogger('memory', 'silent'),
      onService: (built) => (service = built),
    });
  });
  afterAll(async () => {
    await subgraph?.close();
    if (operator) await destroy(operator);
    await fake?.close();
  });

  it('stores into SOPHIA_MEMORY.MEMORIES, found by SEMANTIC_SEARCH; an analyst’s UPDATE logged by the task reaches L2', async () => {
    const content = 'Quarterly pricing review for the harbour account';
    const { memory } = await rememberMemory(service, Promise.resolve({ userId: 'u_author', teamId: null }), {
      content,
      kind: 'NOTE',
      visibility: 'ORG',
      accountId: null,
    });
    const vector = JSON.stringify(Array.from(await service.embedder.embed(content)));
    const found = await exec(
      operator,
      'SELECT ID, SCORE FROM TABLE(SOPHIA_MEMORY.SEMANTIC_SEARCH(PARSE_JSON(?)::ARRAY::VECTOR(FLOAT, 768), 1))',
      [vector],
    );
    expect(found.rows).toEqual([{ ID: memory.id, SCORE: expect.closeTo(1, 5) }]);

    // Reads counted (access count and time) change no column L2 depends on: the task logs nothing.
    const logged = async () =>
      Number((await exec(operator, 'SELECT COUNT(*) AS N FROM SOPHIA_MEMORY.MEMORY_CHANGES')).rows[0]!['N']);
    await exec(operator, 'EXECUTE TASK SOPHIA_MEMORY.EMBEDDING_CHANGES_TASK');
    const before = await logged();
    await exec(operator, 'UPDATE SOPHIA_MEMORY.MEMORIES SET ACCESS_COUNT = ACCESS_COUNT + 1 WHERE ID = ?', [
      memory.id,
    ]);
    await exec(operator, 'EXECUTE TASK SOPHIA_MEMORY.EMBEDDING_CHANGES_TASK');
    expect(await logged()).toBe(before);

    await exec(operator, 'UPDATE SOPHIA_MEMORY.MEMORIES SET CONTENT = ? WHERE ID = ?', [
      'Glacier hiking permit for the autumn retreat',
      memory.id,
    ]);
    await exec(operator, 'EXECUTE TASK SOPHIA_MEMORY.EMBEDDING_CHANGES_TASK');
    const ids = (text: string) =>
      service.warm.search({ vector: null, text, scope: READER, limit: 10 }).map((hit) => hit.id);
    while (!ids('glacier hiking').includes(memory.id)) await sleep(100);
    expect(ids('harbour pricing')).not.toContain(memory.id);
  });
});
