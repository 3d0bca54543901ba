import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_PASSWORD,
  FAKE_USER,
  startFakeSnowflake,
  type FakeSnowflake,
} from '../../../tests/fakes/snowflake/index.ts';
import { ConfigError, parseConfig } from '../src/env.ts';
import { SnowflakeClient, type SnowflakeClientOptions } from '../src/snowflake/client.ts';
import { snowflakeEnvShape, snowflakeOptions } from '../src/snowflake/env.ts';
import { SnowflakeAuthError, SnowflakeSqlError, SnowflakeTimeoutError } from '../src/snowflake/errors.ts';

/** The kit's Snowflake client, through the real snowflake-sdk, against the FAKE Snowflake. */
const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const keyDir = mkdtempSync(join(tmpdir(), 'sophia-snowflake-'));
const keyPath = join(keyDir, 'rsa_key.p8');
writeFileSync(keyPath, keys.privateKey, { mode: 0o600 });

let fake: FakeSnowflake;
let client: SnowflakeClient;

function options(env: Record<string, string>): SnowflakeClientOptions {
  const config = parseConfig('memory', snowflakeEnvShape, {
    SNOWFLAKE_ACCOUNT: 'fakeacct',
    SNOWFLAKE_ACCESS_URL: fake.accessUrl,
    SNOWFLAKE_DATABASE: 'SOPHIA',
    SNOWFLAKE_WAREHOUSE: 'SOPHIA_WH',
    SNOWFLAKE_POOL_SIZE: '2',
    ...env,
  });
  return { ...snowflakeOptions('memory', config)!, retry: { baseDelayMs: 1, maxDelayMs: 5 } };
}

const passwordEnv = { SNOWFLAKE_USER: FAKE_USER, SNOWFLAKE_PASSWORD: FAKE_PASSWORD };

beforeAll(async () => {
  fake = await startFakeSnowflake({
    users: [
      { name: FAKE_USER, password: FAKE_PASSWORD },
      { name: 'SOPHIA_SVC', publicKey: keys.publicKey },
    ],
  });
  client = await SnowflakeClient.open(options(passwordEnv));
  await client.run(
    'CREATE TABLE notes (id INT, body STRING, meta VARIANT, created TIMESTAMP_NTZ, embedding VECTOR(FLOAT, 3))',
  );
});

afterAll(async () => {
  await client.close();
  await fake.close();
  rmSync(keyDir, { recursive: true, force: true });
});

describe('configuration', () => {
  it('is off without SNOWFLAKE_ACCOUNT and refuses an account it cannot log in to', () => {
    expect(snowflakeOptions('memory', {})).toBeUndefined();
    expect(() => snowflakeOptions('memory', { SNOWFLAKE_ACCOUNT: 'acct' })).toThrow(ConfigError);
    expect(() =>
      snowflakeOptions('memory', {
        SNOWFLAKE_ACCOUNT: 'a',
        SNOWFLAKE_USER: 'u',
        SNOWFLAKE_PASSWORD: 'p',
        SNOWFLAKE_PRIVATE_KEY_PATH: '/k',
      }),
    ).toThrow(/set exactly one/);
  });
});

describe('login', () => {
  it('refuses a wrong password at open with a clear, typed error', async () => {
    const opening = SnowflakeClient.open(
      options({ SNOWFLAKE_USER: FAKE_USER, SNOWFLAKE_PASSWORD: 'wrong-password' }),
    );
    await expect(opening).rejects.toBeInstanceOf(SnowflakeAuthError);
    await expect(opening).rejects.toMatchObject({
      code: '390100',
      message: expect.stringMatching(
        /Incorrect username or password.*Check SNOWFLAKE_USER and SNOWFLAKE_PASSWORD/,
      ),
    });
  });

  it('logs in with a key pair from SNOWFLAKE_PRIVATE_KEY_PATH', async () => {
    const keyed = await SnowflakeClient.open(
      options({ SNOWFLAKE_USER: 'SOPHIA_SVC', SNOWFLAKE_PRIVATE_KEY_PATH: keyPath }),
    );
    expect(await keyed.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await keyed.close();
    expect(fake.logins().some((l) => l.user === 'SOPHIA_SVC' && l.authenticator === 'SNOWFLAKE_JWT')).toBe(
      true,
    );
  });
});

describe('statements', () => {
  it('binds values (never SQL text) and reads rows in the DuckDB wrapper shape', async () => {
    await client.run(
      'INSERT INTO notes SELECT ?, ?, PARSE_JSON(?), ?::TIMESTAMP_NTZ, PARSE_JSON(?)::ARRAY::VECTOR(FLOAT, 3)',
      [1, "it's; DROP TABLE notes", { source: 'crm' }, new Date('2026-12-07T10:00:00Z'), [0.5, 0.25, 1]],
    );
    const rows = await client.query('SELECT * FROM notes WHERE id = ?', [1]);
    expect(rows).toEqual([
      {
        id: 1,
        body: "it's; DROP TABLE notes",
        meta: { source: 'crm' },
        created: '2026-12-07 10:00:00.000',
        embedding: [0.5, 0.25, 1],
      },
    ]);
  });

  it('tags every statement with the service and sets the statement timeout per session', () => {
    const mine = fake.queryHistory().filter((q) => q.queryTag === 'sophia-memory');
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.some((q) => /STATEMENT_TIMEOUT_IN_SECONDS = 120/.test(q.sqlText))).toBe(true);
  });

  it('holds at most SNOWFLAKE_POOL_SIZE sessions however many statements run at once', async () => {
    const before = fake.logins().length;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client.query<{ n: number }>('SELECT ? AS n', [i])),
    );
    expect(results.map((r) => r[0]!.n)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(fake.logins().length - before).toBeLessThanOrEqual(2);
  });

  it('streams 50,000 rows one at a time', async () => {
    await client.run('CREATE TABLE big AS SELECT range AS n, md5(range::VARCHAR) AS label FROM range(50000)');
    let count = 0;
    let sum = 0;
    for await (const row of client.stream<{ n: number; label: string }>(
      'SELECT n, label FROM big ORDER BY n',
    )) {
      count++;
      sum += row.n;
    }
    expect(count).toBe(50_000);
    expect(sum).toBe((49_999 * 50_000) / 2);
  });

  it('gives the connection back when a stream is left early', async () => {
    // Three abandoned streams on a pool of two: a leaked connection would leave the last query waiting.
    for (let i = 0; i < 3; i++) {
      for await (const row of client.stream<{ n: number }>('SELECT n FROM big WHERE n < 1000 ORDER BY n')) {
        expect(row.n).toBe(0);
        break;
      }
    }
    expect(await client.query('SELECT count(*) AS n FROM big')).toEqual([{ n: 50_000 }]);
  });

  it('inserts rows with array binds in one statement per chunk', async () => {
    const before = fake.requestCount('query');
    await client.insertRows(
      'notes',
      Array.from({ length: 2500 }, (_, i) => ({ id: 100 + i, body: `note ${i}` })),
    );
    expect(fake.requestCount('query') - before).toBe(1);
    expect(await client.query('SELECT count(*) AS n FROM notes WHERE id >= 100')).toEqual([{ n: 2500 }]);
  });
});

describe('failures', () => {
  it('retries a transient failure with backoff until it succeeds', async () => {
    fake.injectFault({ on: 'query', kind: 'internal-error', count: 2 });
    const before = fake.requestCount('query');
    expect(await client.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(fake.requestCount('query') - before).toBe(3);
  });

  it('gives up on a transient failure after its attempts, as SnowflakeUnavailableError', async () => {
    fake.injectFault({ on: 'query', kind: 'internal-error', count: 4 });
    await expect(client.query('SELECT 1 AS one')).rejects.toMatchObject({
      name: 'SnowflakeUnavailableError',
      code: '000603',
      transient: true,
    });
    expect(await client.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });

  it('replaces pooled sessions that Snowflake ended, and runs the statement on a new one', async () => {
    await client.query('SELECT 1 AS warm');
    await fake.dropSessions();
    const before = fake.logins().length;
    expect(await client.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
    expect(fake.logins().length).toBeGreaterThan(before);
  });

  it('never retries an SQL error', async () => {
    const before = fake.requestCount('query');
    const failing = client.query('SELECT * FROM no_such_table');
    await expect(failing).rejects.toBeInstanceOf(SnowflakeSqlError);
    await expect(failing).rejects.toMatchObject({ code: '002003', sqlState: '42S02' });
    expect(fake.requestCount('query') - before).toBe(1);
  });

  it('reports a statement stopped at the session timeout as SnowflakeTimeoutError, without retrying', async () => {
    const quick = await SnowflakeClient.open(
      options({ ...passwordEnv, SNOWFLAKE_STATEMENT_TIMEOUT_SECONDS: '1' }),
    );
    const before = fake.requestCount('query');
    await expect(quick.query('SELECT SYSTEM$WAIT(30)')).rejects.toBeInstanceOf(SnowflakeTimeoutError);
    // ALTER SESSION and USE SCHEMA for the new session, one statement, no retry.
    expect(fake.requestCount('query') - before).toBe(3);
    await quick.close();
  });
});

describe('transactions', () => {
  it('commits all of the work or none of it, on one held connection', async () => {
    await client.run('CREATE TABLE ledger (id INT, amount NUMBER(12,2))');
    await client.transaction(async (tx) => {
      await tx.run('INSERT INTO ledger VALUES (?, ?)', [1, 10.5]);
      expect(await client.query('SELECT count(*) AS n FROM ledger')).toEqual([{ n: 0 }]);
      await tx.insertRows('ledger', [{ id: 2, amount: 4.5 }]);
    });
    await expect(
      client.transaction(async (tx) => {
        await tx.run('INSERT INTO ledger VALUES (?, ?)', [3, 99]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await client.query('SELECT id, amount FROM ledger ORDER BY id')).toEqual([
      { id: 1, amount: 10.5 },
      { id: 2, amount: 4.5 },
    ]);
  });
});
