import type { Connection } from 'snowflake-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSnowflake, type FakeSnowflake } from './index.ts';
import { connect, destroy, exec } from './sdk-client.ts';

/** The Snowflake SQL the FAKE rewrites for DuckDB, checked through the real snowflake-sdk. */
let fake: FakeSnowflake;
let conn: Connection;
const rows = async (sql: string, binds?: (string | number | boolean | null)[]) =>
  (await exec(conn, sql, binds)).rows;

beforeAll(async () => {
  fake = await startFakeSnowflake();
  conn = await connect(fake);
});

afterAll(async () => {
  await destroy(conn);
  await fake.close();
});

describe('Snowflake SQL on the FAKE', () => {
  it('folds unquoted identifiers to upper case and keeps string literals untouched', async () => {
    expect(await rows("SELECT 'it''s; -- not a comment' AS text_value, 1 AS lower_name")).toEqual([
      { TEXT_VALUE: "it's; -- not a comment", LOWER_NAME: 1 },
    ]);
  });

  it('runs IFF, NVL, DATEADD, DATEDIFF with bare date parts, and CURRENT_TIMESTAMP()', async () => {
    expect(
      await rows(
        "SELECT IFF(1 > 0, 'yes', 'no') AS a, NVL(NULL, 7) AS b, DATEDIFF(day, '2026-01-01'::DATE, DATEADD(day, 30, '2026-01-01'::DATE)) AS c, CURRENT_TIMESTAMP() IS NOT NULL AS d",
      ),
    ).toEqual([{ A: 'yes', B: 7, C: 30, D: true }]);
  });

  it('reads VARIANT paths: v:a.b as VARIANT, v:a::STRING as text', async () => {
    expect(
      await rows(
        'SELECT meta:owner.name AS owner, meta:tags[1]::STRING AS tag FROM (SELECT PARSE_JSON(?) AS meta)',
        ['{"owner":{"name":"Ada"},"tags":["a","b"]}'],
      ),
    ).toEqual([{ OWNER: 'Ada', TAG: 'b' }]);
  });

  it('keeps a bound text written into a VARIANT column a string, as Snowflake does; PARSE_JSON makes an object', async () => {
    const json = '{"kind":"note","tags":["a"]}';
    await exec(conn, 'CREATE TABLE notes (id INT, body VARIANT)');
    await exec(conn, 'INSERT INTO notes (id, body) VALUES (?, ?)', [1, json]);
    await exec(conn, 'INSERT INTO notes (id, body) SELECT ?, PARSE_JSON(?)', [2, json]);
    await exec(conn, 'INSERT INTO notes (id, body) SELECT 3, t FROM (SELECT ? AS t)', [json]);
    await exec(
      conn,
      `MERGE INTO notes n USING (SELECT 4 AS id, ? AS body) s ON n.id = s.id
       WHEN NOT MATCHED THEN INSERT (id, body) VALUES (s.id, s.body)`,
      [json],
    );
    await exec(conn, 'INSERT INTO notes (id, body) SELECT 5, PARSE_JSON(?)', ['"plain"']);
    expect(
      await rows(
        'SELECT id, body, IS_OBJECT(body) AS is_object, IS_VARCHAR(body) AS is_varchar, body:kind::STRING AS kind FROM notes ORDER BY id',
      ),
    ).toEqual([
      { ID: 1, BODY: json, IS_OBJECT: false, IS_VARCHAR: true, KIND: null },
      { ID: 2, BODY: { kind: 'note', tags: ['a'] }, IS_OBJECT: true, IS_VARCHAR: false, KIND: 'note' },
      { ID: 3, BODY: json, IS_OBJECT: false, IS_VARCHAR: true, KIND: null },
      { ID: 4, BODY: json, IS_OBJECT: false, IS_VARCHAR: true, KIND: null },
      { ID: 5, BODY: 'plain', IS_OBJECT: false, IS_VARCHAR: true, KIND: null },
    ]);
    await exec(conn, 'UPDATE notes SET body = ? WHERE id = 2', [json]);
    expect(await rows('SELECT body, IS_ARRAY(body:tags) AS tags_array FROM notes WHERE id = 2')).toEqual([
      { BODY: json, TAGS_ARRAY: null },
    ]);
  });

  it('upserts with MERGE (qualified SET columns) and picks with QUALIFY', async () => {
    await exec(conn, 'CREATE TABLE scores (id STRING, team STRING, points INT)');
    await exec(conn, 'INSERT INTO scores VALUES (?, ?, ?)', [
      ['a', 'red', 1],
      ['b', 'red', 5],
      ['c', 'blue', 3],
    ]);
    const merged = await exec(
      conn,
      `MERGE INTO scores t USING (SELECT ? AS id, ? AS points) s ON t.id = s.id
       WHEN MATCHED THEN UPDATE SET t.points = s.points
       WHEN NOT MATCHED THEN INSERT (id, team, points) VALUES (s.id, 'blue', s.points)`,
      ['a', 9],
    );
    expect(merged.statement.getNumUpdatedRows()).toBe(1);
    expect(
      await rows(
        'SELECT team, id FROM scores QUALIFY ROW_NUMBER() OVER (PARTITION BY team ORDER BY points DESC) = 1 ORDER BY team',
      ),
    ).toEqual([
      { TEAM: 'blue', ID: 'c' },
      { TEAM: 'red', ID: 'a' },
    ]);
  });

  it('records PRIMARY KEY without enforcing it, and numbers AUTOINCREMENT columns', async () => {
    await exec(conn, 'CREATE TABLE events (seq INT AUTOINCREMENT, id STRING PRIMARY KEY, note STRING)');
    await exec(conn, 'INSERT INTO events (id, note) VALUES (?, ?)', ['x', 'first']);
    await exec(conn, 'INSERT INTO events (id, note) VALUES (?, ?)', [
      'x',
      'duplicate key, accepted as in Snowflake',
    ]);
    expect(await rows('SELECT seq, id FROM events ORDER BY seq')).toEqual([
      { SEQ: 1, ID: 'x' },
      { SEQ: 2, ID: 'x' },
    ]);
  });

  it('commits an open transaction before DDL, as Snowflake does', async () => {
    await exec(conn, 'CREATE TABLE before_ddl (id INT)');
    await exec(conn, 'BEGIN');
    await exec(conn, 'INSERT INTO before_ddl VALUES (1)');
    await exec(conn, 'CREATE TABLE after_ddl (id INT)');
    await exec(conn, 'ROLLBACK');
    expect(await rows('SELECT id FROM before_ddl')).toEqual([{ ID: 1 }]);
  });

  it('gives the same FAKE Cortex embedding for the same text, and a closer one for shared words', async () => {
    const [row] = await rows(
      `SELECT VECTOR_COSINE_SIMILARITY(SNOWFLAKE.CORTEX.EMBED_TEXT_768('m', ?), SNOWFLAKE.CORTEX.EMBED_TEXT_768('m', ?)) AS same,
              VECTOR_COSINE_SIMILARITY(SNOWFLAKE.CORTEX.EMBED_TEXT_768('m', ?), SNOWFLAKE.CORTEX.EMBED_TEXT_768('m', ?)) AS near,
              VECTOR_COSINE_SIMILARITY(SNOWFLAKE.CORTEX.EMBED_TEXT_768('m', ?), SNOWFLAKE.CORTEX.EMBED_TEXT_768('m', ?)) AS far`,
      [
        'renewal pricing',
        'renewal pricing',
        'renewal pricing',
        'pricing for the renewal',
        'renewal pricing',
        'offsite agenda',
      ],
    );
    expect(row!['SAME']).toBeCloseTo(1, 5);
    expect(row!['NEAR'] as number).toBeGreaterThan(row!['FAR'] as number);
  });

  it('formats timestamps with TO_VARCHAR and a Snowflake format', async () => {
    expect(
      await rows(
        `SELECT TO_VARCHAR('2026-03-01 04:05:06.789'::TIMESTAMP_NTZ, 'YYYY-MM-DD"T"HH24:MI:SS.FF3"Z"') AS iso`,
      ),
    ).toEqual([{ ISO: '2026-03-01T04:05:06.789Z' }]);
  });

  it('refuses DuckDB-only SQL as Snowflake does', async () => {
    await exec(conn, 'CREATE TABLE guarded (id STRING, n FLOAT, doc VARIANT)');
    const refused = async (sql: string, binds?: (string | number)[]) => {
      const error = await exec(conn, sql, binds).then(
        () => undefined,
        (failure: unknown) => failure as { code: string; message: string },
      );
      return error && { code: error.code, message: error.message.split('\n').at(-1) };
    };
    expect(await refused("SELECT strftime(CURRENT_TIMESTAMP(), '%Y') AS y")).toEqual({
      code: '002140',
      message: 'Unknown function STRFTIME',
    });
    expect(await refused('SELECT SUM(n) FILTER (WHERE id = ?) AS s FROM guarded', ['a'])).toMatchObject({
      code: '001003',
    });
    expect(await refused("UPDATE guarded SET n = 1 WHERE id = 'a' RETURNING id")).toMatchObject({
      code: '001003',
    });
    expect(await refused('INSERT INTO guarded (id) VALUES (?) ON CONFLICT DO NOTHING', ['a'])).toMatchObject({
      code: '001003',
    });
    expect(await refused('CREATE TABLE docs (id STRING, doc JSON)')).toMatchObject({ code: '002040' });
    expect(await refused('INSERT INTO guarded (id, doc) VALUES (?, PARSE_JSON(?))', ['a', '{}'])).toEqual({
      code: '002014',
      message: 'Invalid expression [PARSE_JSON(…)] in VALUES clause',
    });
    // What Snowflake accepts instead: INSERT … SELECT with PARSE_JSON, and CASE inside the aggregate.
    await exec(conn, 'INSERT INTO guarded (id, n, doc) SELECT ?, ?, PARSE_JSON(?)', ['a', 2, '{"k":[1]}']);
    expect(
      await rows(
        "SELECT SUM(CASE WHEN id = 'a' THEN n END) AS s, doc:k[0]::INT AS k FROM guarded GROUP BY doc",
      ),
    ).toEqual([{ S: 2, K: 1 }]);
  });

  it('runs resumed tasks on an interval when asked to, and only those', async () => {
    const scheduled = await startFakeSnowflake({ taskIntervalMs: 20 });
    const session = await connect(scheduled);
    await exec(session, 'CREATE TABLE src (id INT)');
    await exec(session, 'CREATE TABLE dst (id INT)');
    await exec(session, 'CREATE STREAM src_changes ON TABLE src');
    await exec(
      session,
      "CREATE TASK copier WAREHOUSE = WH SCHEDULE = '1 MINUTE' WHEN SYSTEM$STREAM_HAS_DATA('SRC_CHANGES') AS INSERT INTO dst SELECT id FROM src_changes",
    );
    await exec(session, 'CREATE TASK idle AS SELECT 1');
    await exec(session, 'ALTER TASK copier RESUME');
    await exec(session, 'INSERT INTO src VALUES (1), (2)');
    while (!scheduled.taskRuns().some((run) => run.name === 'COPIER' && run.state === 'SUCCEEDED')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await exec(session, 'SELECT id FROM dst ORDER BY id')).rows).toEqual([{ ID: 1 }, { ID: 2 }]);
    expect(scheduled.taskRuns().some((run) => run.name === 'IDLE')).toBe(false);
    await destroy(session);
    await scheduled.close();
  });
});
