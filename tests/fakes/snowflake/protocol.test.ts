import { generateKeyPairSync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Connection } from 'snowflake-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_PASSWORD, FAKE_USER, startFakeSnowflake, type FakeSnowflake } from './index.ts';
import { connect, destroy, exec } from './sdk-client.ts';

/** The FAKE Snowflake's protocol, driven by the real snowflake-sdk 3.3. */
const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const strangerKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

let fake: FakeSnowflake;
let conn: Connection;

beforeAll(async () => {
  fake = await startFakeSnowflake({
    users: [
      { name: FAKE_USER, password: FAKE_PASSWORD },
      { name: 'KPUSER', publicKey: keys.publicKey },
    ],
  });
  conn = await connect(fake, { queryTag: 'sophia-protocol-test' });
});

afterAll(async () => {
  await destroy(conn);
  await fake.close();
});

describe('login', () => {
  it('refuses a wrong password with 390100', async () => {
    await expect(connect(fake, { password: 'wrong' })).rejects.toMatchObject({
      name: 'OperationFailedError',
      code: '390100',
      message: 'Incorrect username or password was specified.',
    });
  });

  it('accepts a key-pair JWT signed by the registered key, and refuses another key', async () => {
    const kp = await connect(fake, {
      username: 'KPUSER',
      authenticator: 'SNOWFLAKE_JWT',
      privateKey: keys.privateKey,
    });
    expect((await exec(kp, 'SELECT 1 AS one')).rows).toEqual([{ ONE: 1 }]);
    await destroy(kp);
    await expect(
      connect(fake, {
        username: 'KPUSER',
        authenticator: 'SNOWFLAKE_JWT',
        privateKey: strangerKey,
      }),
    ).rejects.toMatchObject({ code: '390144' });
    expect(fake.logins().some((l) => l.user === 'KPUSER' && l.authenticator === 'SNOWFLAKE_JWT')).toBe(true);
  });

  it('reads a gzip request body', async () => {
    const body = gzipSync(JSON.stringify({ data: { LOGIN_NAME: FAKE_USER, PASSWORD: FAKE_PASSWORD } }));
    const response = await fetch(`${fake.accessUrl}/session/v1/login-request?requestId=x`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    const json = (await response.json()) as { success: boolean; data: { token: string } };
    expect(response.status).toBe(200);
    expect(json.success).toBe(true);
    expect(json.data.token).toMatch(/^ST-/);
  });
});

describe('queries', () => {
  it('returns typed columns: numbers, text, booleans, NULL, timestamps, dates, VARIANT, ARRAY, VECTOR', async () => {
    await exec(
      conn,
      `CREATE TABLE typed (id NUMBER, title STRING, score FLOAT, ok BOOLEAN, created TIMESTAMP_NTZ, day DATE,
         meta VARIANT, tags ARRAY, embedding VECTOR(FLOAT, 3))`,
    );
    await exec(
      conn,
      `INSERT INTO typed SELECT ?, ?, ?, ?, ?::TIMESTAMP_NTZ, ?::DATE, PARSE_JSON(?), PARSE_JSON(?),
         PARSE_JSON(?)::ARRAY::VECTOR(FLOAT, 3)`,
      [
        1,
        'hello',
        1.5,
        true,
        '2024-03-01T12:34:56.789Z',
        '2024-03-01',
        '{"a":1}',
        '["x","y"]',
        '[0.1,0.2,0.3]',
      ],
    );
    await exec(conn, 'INSERT INTO typed (id) VALUES (:1)', [2]);
    const { rows, statement } = await exec(conn, 'SELECT * FROM typed ORDER BY id');
    expect(statement.getColumns()?.map((c) => [c.getName(), c.getType()])).toEqual([
      ['ID', 'fixed'],
      ['TITLE', 'text'],
      ['SCORE', 'real'],
      ['OK', 'boolean'],
      ['CREATED', 'timestamp_ntz'],
      ['DAY', 'date'],
      ['META', 'variant'],
      ['TAGS', 'variant'],
      ['EMBEDDING', 'vector'],
    ]);
    const [first, second] = rows as [Record<string, unknown>, Record<string, unknown>];
    expect(first).toMatchObject({
      ID: 1,
      TITLE: 'hello',
      SCORE: 1.5,
      OK: true,
      META: { a: 1 },
      TAGS: ['x', 'y'],
    });
    expect((first['CREATED'] as Date).toISOString()).toBe('2024-03-01T12:34:56.789Z');
    expect((first['DAY'] as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(JSON.parse(first['EMBEDDING'] as string)).toEqual([0.1, 0.2, 0.3]);
    expect(second).toMatchObject({
      ID: 2,
      TITLE: null,
      OK: null,
      CREATED: null,
      META: null,
      EMBEDDING: null,
    });
    const asText = await exec(conn, 'SELECT created, day FROM typed WHERE id = 1', undefined, {
      fetchAsString: ['Date'],
    });
    expect(asText.rows).toEqual([{ CREATED: '2024-03-01 12:34:56.789', DAY: '2024-03-01' }]);
  });

  it('binds ? in order and :N by index, and runs an array bind once per row with one total', async () => {
    await exec(conn, 'CREATE TABLE bound (id INT, name STRING)');
    const bulk = await exec(conn, 'INSERT INTO bound (id, name) VALUES (?, ?)', [
      [1, 'a'],
      [2, 'b'],
      [3, null],
    ]);
    expect(bulk.statement.getNumUpdatedRows()).toBe(3);
    const picked = await exec(conn, 'SELECT name FROM bound WHERE id = :2 OR id = :1 ORDER BY id', [1, 2]);
    expect(picked.rows).toEqual([{ NAME: 'a' }, { NAME: 'b' }]);
    const updated = await exec(conn, 'UPDATE bound SET name = ? WHERE id >= ?', ['z', 2]);
    expect(updated.statement.getNumUpdatedRows()).toBe(2);
    const deleted = await exec(conn, 'DELETE FROM bound WHERE name = ?', ['z']);
    expect(deleted.statement.getNumUpdatedRows()).toBe(2);
  });

  it('answers errors with Snowflake code and SQL state', async () => {
    await expect(exec(conn, 'SELECT * FROM does_not_exist')).rejects.toMatchObject({
      name: 'OperationFailedError',
      code: '002003',
      sqlState: '42S02',
      message: expect.stringContaining("Object 'DOES_NOT_EXIST' does not exist or not authorized."),
    });
    await expect(exec(conn, 'SELEC 1')).rejects.toMatchObject({ code: '001003', sqlState: '42000' });
  });

  it('refuses several statements unless MULTI_STATEMENT_COUNT allows them, then runs each', async () => {
    await expect(exec(conn, 'SELECT 1; SELECT 2')).rejects.toMatchObject({ code: '000008' });
    const statement = (
      await exec(conn, 'SELECT 1 AS a; SELECT 2 AS b', undefined, {
        parameters: { MULTI_STATEMENT_COUNT: 0 },
      })
    ).statement as unknown as { hasNext(): boolean; NextResult(): void };
    expect(statement.hasNext()).toBe(true);
  });

  it('streams rows from streamResult + streamRows', async () => {
    const { statement } = await exec(conn, 'SELECT range AS n FROM range(1000)', undefined, {
      streamResult: true,
    });
    let sum = 0;
    for await (const row of statement.streamRows()) sum += (row as { N: number }).N;
    expect(sum).toBe(499_500);
  });

  it('injects transient faults: a dropped socket is retried by snowflake-sdk itself', async () => {
    fake.injectFault({ on: 'query', kind: 'reset', count: 1 });
    const before = fake.requestCount('query');
    expect((await exec(conn, 'SELECT 5 AS five')).rows).toEqual([{ FIVE: 5 }]);
    expect(fake.requestCount('query') - before).toBe(2);
  });

  it('records the QUERY_TAG each statement carried', () => {
    expect(fake.queryHistory().filter((q) => q.queryTag === 'sophia-protocol-test').length).toBeGreaterThan(
      3,
    );
  });
});

describe('transactions', () => {
  it('keeps a write on COMMIT, drops it on ROLLBACK, and hides it from other sessions until committed', async () => {
    const other = await connect(fake);
    await exec(conn, 'CREATE TABLE ledger (id INT)');
    await exec(conn, 'BEGIN');
    await exec(conn, 'INSERT INTO ledger VALUES (1)');
    expect((await exec(other, 'SELECT count(*) AS n FROM ledger')).rows).toEqual([{ N: 0 }]);
    await exec(conn, 'ROLLBACK');
    await exec(conn, 'BEGIN TRANSACTION');
    await exec(conn, 'INSERT INTO ledger VALUES (2)');
    await exec(conn, 'COMMIT');
    expect((await exec(other, 'SELECT id FROM ledger')).rows).toEqual([{ ID: 2 }]);
    await destroy(other);
  });
});

describe('async, cancel, timeout', () => {
  it('runs asyncExec queries, reports their status and returns their results', async () => {
    const started = await exec(conn, 'SELECT 42 AS answer', undefined, { asyncExec: true });
    const queryId = started.statement.getQueryId();
    const results = await conn.getResultsFromQueryId({ queryId });
    expect(await conn.getQueryStatus(queryId)).toBe('SUCCESS');
    const rows: unknown[] = [];
    for await (const row of results.streamRows()) rows.push(row);
    expect(rows).toEqual([{ ANSWER: 42 }]);
  });

  it('cancels a running statement through abort-request', async () => {
    const outcome = new Promise<unknown>((resolve) => {
      const statement = conn.execute({
        sqlText: 'SELECT SYSTEM$WAIT(30)',
        complete: (error) => resolve(error),
      });
      setTimeout(() => statement.cancel(), 200);
    });
    expect(await outcome).toMatchObject({ code: '000604', sqlState: '57014' });
  });

  it('stops a statement at STATEMENT_TIMEOUT_IN_SECONDS', async () => {
    const session = await connect(fake);
    await exec(session, 'ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = 1');
    await expect(exec(session, 'SELECT SYSTEM$WAIT(30)')).rejects.toMatchObject({
      code: '000630',
      sqlState: '57014',
    });
    await destroy(session);
  });
});

describe('sessions', () => {
  it('answers heartbeats, renews an expired session token, and closes sessions', async () => {
    const session = await connect(fake);
    await (session as unknown as { heartbeatAsync(): Promise<unknown> }).heartbeatAsync();
    expect(fake.requestCount('/session/heartbeat')).toBeGreaterThan(0);
    fake.expireSessionTokens();
    expect((await exec(session, 'SELECT 7 AS seven')).rows).toEqual([{ SEVEN: 7 }]);
    expect(fake.requestCount('/session/token-request')).toBeGreaterThan(0);
    const open = fake.sessionCount();
    await destroy(session);
    expect(fake.sessionCount()).toBe(open - 1);
  });
});
