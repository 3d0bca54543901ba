import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, serviceEnvShape } from '../src/env.ts';
import { createRequestDeadline, DeadlineExceededError } from '../src/request-deadline.ts';
import { openStore, type OpenedStore } from '../src/store/open-store.ts';
import { STORE_BACKENDS, startStoreBackend, type StoreBackend } from './store-contract-backends.ts';

/**
 * The check every store backend runs right before COMMIT: a write whose request has given up (its deadline
 * passed, its caller left) rolls back with DEADLINE_EXCEEDED, on DuckDB and on the FAKE Snowflake alike.
 */
let backend: StoreBackend | undefined;
let store: OpenedStore | undefined;
afterEach(async () => {
  await store?.db.close();
  await backend?.close();
  store = backend = undefined;
});

describe.each(STORE_BACKENDS)('a transaction with a request deadline on %s', (dialect) => {
  const start = async () => {
    backend = await startStoreBackend(dialect);
    const config = parseConfig('notes', serviceEnvShape, backend.env);
    store = await openStore({
      name: 'notes',
      file: 'notes.duckdb',
      dataDir: config.SOPHIA_DATA_DIR,
      snowflake: config,
      migrations: [
        {
          version: 1,
          description: 'notes',
          statements: {
            duckdb: ['CREATE TABLE notes (id VARCHAR PRIMARY KEY)'],
            snowflake: ['CREATE TABLE IF NOT EXISTS notes (id VARCHAR PRIMARY KEY)'],
          },
        },
      ],
    });
    return store.db;
  };
  const ids = async () =>
    (await store!.db.query<{ id: string }>('SELECT id FROM notes ORDER BY id')).map((row) => row.id);

  it('commits while the request still wants its result, and rolls back once its caller has gone', async () => {
    const db = await start();
    const caller = new AbortController();
    const deadline = createRequestDeadline({ budgetMs: 60_000, callerGone: caller.signal });
    const written = await db.transaction(
      async (tx) => {
        await tx.run("INSERT INTO notes (id) VALUES ('in-time')");
        return 'written';
      },
      { deadline },
    );
    expect(written).toBe('written');
    const late = db.transaction(
      async (tx) => {
        await tx.run("INSERT INTO notes (id) VALUES ('after-the-caller-left')");
        caller.abort();
      },
      { deadline },
    );
    await expect(late).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(await ids()).toEqual(['in-time']);
  });

  it('rolls back when the budget ran out while the work ran', async () => {
    const db = await start();
    let now = 0;
    const deadline = createRequestDeadline({ budgetMs: 100, now: () => now });
    const late = db.transaction(
      async (tx) => {
        await tx.run("INSERT INTO notes (id) VALUES ('slow')");
        now = 100; // the work outlasted the budget
      },
      { deadline },
    );
    await expect(late).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
    expect(await ids()).toEqual([]);
    // The connection went back clean: writes without a deadline (background work) commit as before.
    await db.transaction((tx) => tx.run("INSERT INTO notes (id) VALUES ('background')"));
    expect(await ids()).toEqual(['background']);
  });
});
