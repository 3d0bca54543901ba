import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, serviceEnvShape } from '../src/env.ts';
import type { Migration } from '../src/store/migrations.ts';
import { openStore, readMeta, writeMeta, type OpenedStore } from '../src/store/open-store.ts';
import {
  containsPattern,
  isoTimestampSql,
  jsonValueSql,
  LIKE_ESCAPE,
  parseJsonColumn,
} from '../src/store/sql.ts';
import { STORE_BACKENDS, startStoreBackend, type StoreBackend } from './store-contract-backends.ts';

/**
 * The store contract: what every subgraph's store relies on, run against each backend through the same
 * selection the services use (SNOWFLAKE_ACCOUNT in the config puts the store on the FAKE Snowflake).
 */
const NOTES: Migration = {
  version: 1,
  description: 'notes',
  statements: {
    duckdb: [
      `CREATE TABLE notes (id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL, day DATE, made_at TIMESTAMP,
         done BOOLEAN, score DOUBLE, extra JSON)`,
    ],
    snowflake: [
      `CREATE TABLE IF NOT EXISTS notes (id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL, day DATE,
         made_at TIMESTAMP_NTZ, done BOOLEAN, score FLOAT, extra VARIANT)`,
    ],
  },
};
const AUTHORS: Migration = {
  version: 2,
  description: 'notes have an author',
  statements: {
    duckdb: ["ALTER TABLE notes ADD COLUMN author VARCHAR DEFAULT 'unknown'"],
    snowflake: ["ALTER TABLE notes ADD COLUMN IF NOT EXISTS author VARCHAR DEFAULT 'unknown'"],
  },
};
/** Writes a row, then fails: neither the row nor the migration's record may stay. */
const BROKEN: Migration = {
  version: 2,
  description: 'broken',
  statements: {
    duckdb: ["INSERT INTO notes (id, text) VALUES ('half', 'half done')", 'INSERT INTO nowhere VALUES (1)'],
    snowflake: [
      "INSERT INTO notes (id, text) VALUES ('half', 'half done')",
      'INSERT INTO nowhere VALUES (1)',
    ],
  },
};

const open: OpenedStore[] = [];
let backend: StoreBackend | undefined;
afterEach(async () => {
  for (const store of open.splice(0)) await store.db.close();
  await backend?.close();
  backend = undefined;
});

async function openNotes(migrations: readonly Migration[]): Promise<OpenedStore> {
  const config = parseConfig('notes', serviceEnvShape, backend!.env);
  const store = await openStore({
    name: 'notes',
    file: 'notes.duckdb',
    migrations,
    dataDir: config.SOPHIA_DATA_DIR,
    snowflake: config,
  });
  open.push(store);
  return store;
}

async function reopen(store: OpenedStore, migrations: readonly Migration[]): Promise<OpenedStore> {
  await store.db.close();
  open.splice(open.indexOf(store), 1);
  return openNotes(migrations);
}

const versions = async (store: OpenedStore) =>
  (await store.db.query<{ version: unknown }>('SELECT version FROM sophia_migrations ORDER BY version')).map(
    (row) => Number(row.version),
  );
const ids = async (store: OpenedStore) =>
  (await store.db.query<{ id: string }>('SELECT id FROM notes ORDER BY id')).map((row) => row.id);

describe.each(STORE_BACKENDS)('the store contract on %s', (dialect) => {
  const start = async () => {
    backend = await startStoreBackend(dialect);
    return openNotes([NOTES]);
  };

  it('opens on the backend the config selects', async () => {
    const store = await start();
    expect(store.db.dialect).toBe(dialect);
    expect(store.migrated).toEqual([1]);
    if (dialect === 'snowflake') {
      // The statements went to the FAKE, tagged with the store's name.
      const created = backend!
        .fake!.queryHistory()
        .find((q) => q.sqlText.includes('CREATE TABLE IF NOT EXISTS notes'));
      expect(created?.queryTag).toBe('sophia-notes');
    }
  });

  it('records migrations and runs each once', async () => {
    let store = await start();
    await store.db.run("INSERT INTO notes (id, text) VALUES ('n1', 'kept')");
    store = await reopen(store, [NOTES, AUTHORS]);
    expect(store.migrated).toEqual([2]);
    store = await reopen(store, [NOTES, AUTHORS]);
    expect(store.migrated).toEqual([]);
    expect(await versions(store)).toEqual([1, 2]);
    expect(await store.db.query('SELECT id, author FROM notes')).toEqual([{ id: 'n1', author: 'unknown' }]);
  });

  it('rolls a failing migration back: not recorded, its writes gone, and it runs again next time', async () => {
    let store = await start();
    store = await reopen(store, [NOTES]);
    await store.db.close();
    open.splice(open.indexOf(store), 1);
    await expect(openNotes([NOTES, BROKEN])).rejects.toThrow(/nowhere/i);
    store = await openNotes([NOTES]);
    expect(await versions(store)).toEqual([1]);
    expect(await ids(store)).toEqual([]);
    store = await reopen(store, [NOTES, AUTHORS]);
    expect(store.migrated).toEqual([2]);
  });

  it('reads and writes sophia_meta, replacing a key already there', async () => {
    const store = await start();
    await writeMeta(store.db, { data: 'demo', currency: 'USD' });
    await writeMeta(store.db, { currency: 'EUR' });
    expect(await readMeta(store.db)).toEqual({ data: 'demo', currency: 'EUR' });
  });

  it('keeps a transaction all or nothing', async () => {
    const store = await start();
    await expect(
      store.db.transaction(async (tx) => {
        await tx.run("INSERT INTO notes (id, text) VALUES ('t1', 'one')");
        await tx.insertRows('notes', [{ id: 't2', text: 'two' }]);
        await tx.run('INSERT INTO nowhere VALUES (1)');
      }),
    ).rejects.toThrow(/nowhere/i);
    expect(await ids(store)).toEqual([]);
    const result = await store.db.transaction(async (tx) => {
      await tx.run("INSERT INTO notes (id, text) VALUES ('t1', 'one')");
      await tx.upsertRows('notes', [{ id: 't1', text: 'one, revised' }], ['id']);
      return tx.query<{ text: string }>("SELECT text FROM notes WHERE id = 't1'");
    });
    expect(result).toEqual([{ text: 'one, revised' }]);
    expect(await ids(store)).toEqual(['t1']);
  });

  it('inserts rows in bulk and upserts on the key columns', async () => {
    const store = await start();
    const rows = Array.from({ length: 1_200 }, (_, i) => ({
      id: `b${String(i).padStart(4, '0')}`,
      text: `note ${i}`,
    }));
    await store.db.insertRows('notes', rows);
    const [count] = await store.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM notes');
    expect(Number(count!.n)).toBe(1_200);
    await store.db.upsertRows(
      'notes',
      [
        { id: 'b0001', text: 'changed' },
        { id: 'new', text: 'added' },
      ],
      ['id'],
    );
    const changed = await store.db.query<{ id: string; text: string }>(
      "SELECT id, text FROM notes WHERE id IN ('b0000', 'b0001', 'new') ORDER BY id",
    );
    expect(changed).toEqual([
      { id: 'b0000', text: 'note 0' },
      { id: 'b0001', text: 'changed' },
      { id: 'new', text: 'added' },
    ]);
  });

  it('shares SQL through the kit’s fragments: ISO timestamps, JSON values, literal LIKE patterns', async () => {
    const store = await start();
    const json = jsonValueSql(store.db.dialect);
    const insert = `INSERT INTO notes (id, text, made_at, extra) SELECT ?, ?, ?, ${json}`;
    await store.db.run(insert, ['p1', 'save 50% on_line!', '2024-03-01T12:34:56.789Z', '{"tags":["a"]}']);
    await store.db.run(insert, ['p2', 'save 500 online', '2024-03-01T00:00:00.000Z', '[]']);
    const matching = (text: string) =>
      store.db.query<{ id: string; at: string; extra: unknown }>(
        `SELECT id, ${isoTimestampSql('made_at', store.db.dialect)} AS at, extra FROM notes
         WHERE text ILIKE ? ${LIKE_ESCAPE} ORDER BY id`,
        [containsPattern(text)],
      );
    const found = await matching('50% ON_LINE!');
    expect(found.map((row) => ({ ...row, extra: parseJsonColumn(row.extra) }))).toEqual([
      { id: 'p1', at: '2024-03-01T12:34:56.789Z', extra: { tags: ['a'] } },
    ]);
    // Snowflake stores a VARIANT object (snowflake-sdk hands it over parsed), not the bound text as a string.
    if (store.db.dialect === 'snowflake') expect(found[0]!.extra).toEqual({ tags: ['a'] });
    expect((await matching('save')).map((row) => row.at)).toEqual([
      '2024-03-01T12:34:56.789Z',
      '2024-03-01T00:00:00.000Z',
    ]);
    // The wildcards and the escape character itself are matched as text.
    expect(await matching('50_')).toEqual([]);
    expect(await matching('!')).toHaveLength(1);
  });

  it('gives typed values back alike: dates, timestamps, booleans, doubles, JSON', async () => {
    const store = await start();
    await store.db.run('INSERT INTO notes (id, text, day, made_at, done, score) VALUES (?, ?, ?, ?, ?, ?)', [
      'v1',
      'typed',
      '2024-03-01',
      '2024-03-01 12:34:56.789',
      true,
      0.125,
    ]);
    await store.db.insertRows('notes', [
      { id: 'v2', text: 'bulk', day: '2023-12-31', made_at: '2023-12-31 23:59:59', done: false, score: -2.5 },
      { id: 'v3', text: 'nulls', day: null, made_at: null, done: null, score: null },
    ]);
    const rows = await store.db.query<Record<string, unknown>>(
      'SELECT id, day, made_at, done, score FROM notes ORDER BY id',
    );
    const iso = (at: unknown) => (at === null ? null : new Date(`${String(at)}Z`).toISOString());
    expect(rows.map((row) => ({ ...row, made_at: iso(row['made_at']) }))).toEqual([
      { id: 'v1', day: '2024-03-01', made_at: '2024-03-01T12:34:56.789Z', done: true, score: 0.125 },
      { id: 'v2', day: '2023-12-31', made_at: '2023-12-31T23:59:59.000Z', done: false, score: -2.5 },
      { id: 'v3', day: null, made_at: null, done: null, score: null },
    ]);
    const extra = { tags: ['a', 'b'], weight: 1.5, nested: { ok: true } };
    const json = dialect === 'snowflake' ? 'PARSE_JSON(?)' : '?';
    await store.db.run(`UPDATE notes SET extra = ${json} WHERE id = ?`, [JSON.stringify(extra), 'v1']);
    const [stored] = await store.db.query<{ extra: unknown }>("SELECT extra FROM notes WHERE id = 'v1'");
    expect(parseJsonColumn(stored!.extra)).toEqual(extra);
  });
});

describe('stores sharing one Snowflake database', () => {
  it('each keep their tables, migrations and meta in a schema of their own, SOPHIA_<STORE>', async () => {
    backend = await startStoreBackend('snowflake');
    const { SNOWFLAKE_SCHEMA: _shared, ...env } = backend.env;
    const config = parseConfig('stores', serviceEnvShape, env);
    const openAs = async (name: string, migrations: readonly Migration[]) => {
      const store = await openStore({
        name,
        file: `${name}.duckdb`,
        migrations,
        dataDir: '',
        snowflake: config,
      });
      open.push(store);
      return store;
    };
    const notes = await openAs('notes', [NOTES, AUTHORS]);
    const drafts = await openAs('drafts', [NOTES]);
    expect([notes.migrated, drafts.migrated]).toEqual([[1, 2], [1]]);
    await writeMeta(notes.db, { currency: 'EUR' });
    await notes.db.run("INSERT INTO notes (id, text) VALUES ('n1', 'in notes')");
    expect(await readMeta(drafts.db)).toEqual({});
    expect(await ids(drafts)).toEqual([]);
    const [where] = await drafts.db.query<{ schema: string }>('SELECT CURRENT_SCHEMA() AS schema');
    expect(where?.schema).toBe('SOPHIA_DRAFTS');
    expect(await notes.db.query('SELECT id, author FROM sophia_notes.notes')).toEqual([
      { id: 'n1', author: 'unknown' },
    ]);
  });
});
