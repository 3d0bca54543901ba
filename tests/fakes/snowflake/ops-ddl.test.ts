import type { Connection } from 'snowflake-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSnowflake, type FakeSnowflake } from './index.ts';
import { runOpsSnowflakeDdl } from './ops-ddl-files.ts';
import { connect, destroy, exec } from './sdk-client.ts';

/** ops/snowflake's DDL, run as an operator would (multi-statement files), then used as the services would. */
const MODEL = 'snowflake-arctic-embed-m-v1.5';

let fake: FakeSnowflake;
let operator: Connection;
let analyst: Connection;

beforeAll(async () => {
  fake = await startFakeSnowflake();
  operator = await connect(fake, { database: 'SOPHIA', schema: 'SOPHIA_MEMORY' });
  await runOpsSnowflakeDdl(operator);
  analyst = await connect(fake, { database: 'SOPHIA', schema: 'SOPHIA_MEMORY' });
  const remember = `INSERT INTO SOPHIA_MEMORY.MEMORIES (ID, OWNER_ID, VISIBILITY, KIND, CONTENT, CONTENT_HASH,
      TERM_COUNT, SOURCE_TYPE, METADATA, CREATED_AT, ACCESSED_AT, EMBEDDING)
    SELECT ?, 'u1', 'TEAM', 'NOTE', ?, 'h', 1, 'USER', PARSE_JSON('{}'), CURRENT_TIMESTAMP(), CURRENT_TIMESTAMP(),
      SNOWFLAKE.CORTEX.EMBED_TEXT_768(?, ?)`;
  for (const [id, content] of [
    ['m1', 'Quarterly pricing review for the Acme renewal'],
    ['m2', 'Team offsite agenda and travel plans'],
  ] as const) {
    await exec(operator, remember, [id, content, MODEL, content]);
  }
});

afterAll(async () => {
  await destroy(analyst);
  await destroy(operator);
  await fake.close();
});

describe('ops/snowflake DDL', () => {
  it('creates the memory table with a 768-dimension vector, tier, access count and accessed-at', async () => {
    const { rows } = await exec(
      operator,
      'SELECT ID, TIER, ACCESS_COUNT, ACCESSED_AT, EMBEDDING FROM SOPHIA_MEMORY.MEMORIES ORDER BY ID',
    );
    expect(
      rows.map((r) => [r['ID'], r['TIER'], r['ACCESS_COUNT'], r['ACCESSED_AT'] instanceof Date]),
    ).toEqual([
      ['m1', 2, 0, true],
      ['m2', 2, 0, true],
    ]);
    expect(JSON.parse(rows[0]!['EMBEDDING'] as string)).toHaveLength(768);
  });

  it('SEMANTIC_SEARCH ranks the closer memory first, from Cortex text or a bound JSON vector', async () => {
    const byText = await exec(
      operator,
      `SELECT ID, SCORE FROM TABLE(SOPHIA_MEMORY.SEMANTIC_SEARCH(SNOWFLAKE.CORTEX.EMBED_TEXT_768(?, ?), 2)) ORDER BY SCORE DESC`,
      [MODEL, 'Acme renewal pricing'],
    );
    expect(byText.rows.map((r) => r['ID'])).toEqual(['m1', 'm2']);
    expect(byText.rows[0]!['SCORE'] as number).toBeGreaterThan(byText.rows[1]!['SCORE'] as number);

    const stored = (await exec(operator, 'SELECT EMBEDDING FROM SOPHIA_MEMORY.MEMORIES WHERE ID = ?', ['m2']))
      .rows[0]!;
    const byVector = await exec(
      operator,
      'SELECT ID, SCORE FROM TABLE(SOPHIA_MEMORY.SEMANTIC_SEARCH(PARSE_JSON(?)::ARRAY::VECTOR(FLOAT, 768), 1))',
      [stored['EMBEDDING'] as string],
    );
    expect(byVector.rows).toEqual([{ ID: 'm2', SCORE: expect.closeTo(1, 5) }]);
  });

  it('EMBEDDING_CHANGES shows an UPDATE made through another connection, and its task logs it once', async () => {
    await exec(operator, 'EXECUTE TASK SOPHIA_MEMORY.EMBEDDING_CHANGES_TASK');
    const logged = await exec(
      operator,
      'SELECT SEQ, MEMORY_ID, ACTION FROM SOPHIA_MEMORY.MEMORY_CHANGES ORDER BY MEMORY_ID',
    );
    expect(logged.rows).toEqual([
      { SEQ: expect.any(Number), MEMORY_ID: 'm1', ACTION: 'UPSERT' },
      { SEQ: expect.any(Number), MEMORY_ID: 'm2', ACTION: 'UPSERT' },
    ]);
    expect(logged.rows.map((row) => row['SEQ']).sort()).toEqual([1, 2]);
    expect(
      (await exec(operator, "SELECT SYSTEM$STREAM_HAS_DATA('SOPHIA_MEMORY.EMBEDDING_CHANGES') AS HAS")).rows,
    ).toEqual([{ HAS: false }]);

    const updated = await exec(analyst, 'UPDATE SOPHIA_MEMORY.MEMORIES SET CONTENT = ? WHERE ID = ?', [
      'Acme renewal signed at list price',
      'm1',
    ]);
    expect(updated.statement.getNumUpdatedRows()).toBe(1);

    const changes = await exec(
      operator,
      'SELECT ID, CONTENT, METADATA$ACTION AS ACTION, METADATA$ISUPDATE AS IS_UPDATE FROM SOPHIA_MEMORY.EMBEDDING_CHANGES ORDER BY ACTION',
    );
    expect(changes.rows).toEqual([
      {
        ID: 'm1',
        CONTENT: 'Quarterly pricing review for the Acme renewal',
        ACTION: 'DELETE',
        IS_UPDATE: true,
      },
      { ID: 'm1', CONTENT: 'Acme renewal signed at list price', ACTION: 'INSERT', IS_UPDATE: true },
    ]);

    await exec(operator, 'EXECUTE TASK SOPHIA_MEMORY.EMBEDDING_CHANGES_TASK');
    // Appended, numbered after what was logged before: every replica reads the log with its own cursor.
    expect(
      (await exec(operator, 'SELECT SEQ, MEMORY_ID, ACTION FROM SOPHIA_MEMORY.MEMORY_CHANGES WHERE SEQ > 2'))
        .rows,
    ).toEqual([{ SEQ: 3, MEMORY_ID: 'm1', ACTION: 'UPSERT' }]);
    await exec(operator, 'EXECUTE TASK SOPHIA_MEMORY.EMBEDDING_CHANGES_TASK');
    expect(fake.taskRuns().map((run) => run.state)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SKIPPED']);
  });

  it('a consumer that rolls back leaves the changes in the stream', async () => {
    await exec(analyst, 'UPDATE SOPHIA_MEMORY.MEMORIES SET TIER = 1 WHERE ID = ?', ['m2']);
    await exec(operator, 'BEGIN');
    await exec(
      operator,
      "INSERT INTO SOPHIA_MEMORY.MEMORY_CHANGES (MEMORY_ID, ACTION) SELECT ID, 'UPSERT' FROM SOPHIA_MEMORY.EMBEDDING_CHANGES WHERE METADATA$ACTION = 'INSERT'",
    );
    await exec(operator, 'ROLLBACK');
    const pending = await exec(
      operator,
      "SELECT ID FROM SOPHIA_MEMORY.EMBEDDING_CHANGES WHERE METADATA$ACTION = 'INSERT'",
    );
    expect(pending.rows).toEqual([{ ID: 'm2' }]);
  });
});
