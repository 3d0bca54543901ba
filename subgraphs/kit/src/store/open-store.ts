import { anchoredClock, systemClock, type Clock } from '../clock.ts';
import { DuckDb, StorageError, type SqlRunner } from '../duckdb.ts';
import type { SnowflakeEnv } from '../snowflake/env-shape.ts';
import { migrate, type Migration } from './migrations.ts';
import { snowflakeBackend } from './snowflake-backend.ts';
import type { Dialect, SqlDatabase } from './sql-database.ts';

/** What a subgraph's store is: its file under the data directory and its migrations. */
export interface StoreDefinition {
  /** The subgraph's name, for messages. */
  readonly name: string;
  /** `<name>.duckdb` under SOPHIA_DATA_DIR for the embedded backend. */
  readonly file: string;
  readonly migrations: readonly Migration[];
}

/** Where a store's data came from: the generated demo company, or a company's own imports. */
export type StoreData = 'demo' | 'imported';

/**
 * Loads the demo company's part into a migrated, empty store; returns what to record about it. `dialect` is
 * the store's, for writes whose SQL differs (JSON written as VARIANT on Snowflake).
 */
export type StoreSeed = (
  tx: SqlRunner,
  dialect: Dialect,
) => Promise<{
  /** The demo's "today": the store's clock is anchored to it. */
  readonly demoAnchor: string;
  readonly meta?: Readonly<Record<string, string>>;
}>;

export interface OpenStoreOptions extends StoreDefinition {
  readonly dataDir: string;
  /** Given by the seed step only: loads the demo company when the store holds no data yet. */
  readonly seed?: StoreSeed;
  /** @default the demo anchor's clock when the store holds the demo company, real time otherwise */
  readonly clock?: Clock;
  /** The service's parsed config: SNOWFLAKE_ACCOUNT there puts the store on Snowflake. */
  readonly snowflake?: SnowflakeEnv;
  /** @default Snowflake when `snowflake` names an account, else the embedded DuckDB file `<dataDir>/<file>` */
  readonly backend?: () => Promise<SqlDatabase>;
  /** Threads one DuckDB query may use: a service's default, or `all` for bulk work (an import). */
  readonly duckdbThreads?: number | 'all';
}

export interface OpenedStore {
  readonly db: SqlDatabase;
  /** What the store records about itself (`sophia_meta`): `data`, `demo_anchor`, `currency`, … */
  readonly meta: Readonly<Record<string, string>>;
  readonly clock: Clock;
  /** Migration versions applied by this open. */
  readonly migrated: readonly number[];
  /** Whether this open loaded the demo company. */
  readonly seeded: boolean;
}

/**
 * Opens a subgraph's store the one way every subgraph does: runs its pending migrations in a transaction,
 * loads the demo company when asked and the store is still empty, and picks the clock the data needs. A
 * service never seeds: an empty store stays empty until `npm run seed` or `npm run import` fills it.
 */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const backend = options.backend ?? snowflakeBackend(options.name, options.snowflake ?? {});
  const db = backend
    ? await backend()
    : await DuckDb.open(options.dataDir, options.file, {
        ...(options.duckdbThreads !== undefined ? { threads: options.duckdbThreads } : {}),
      });
  try {
    const migrated = await migrate(db, options.migrations);
    let meta = await readMeta(db);
    let seeded = false;
    const seed = options.seed;
    if (seed && meta['data'] === undefined) {
      await db.transaction(async (tx) => {
        const loaded = await seed(tx, db.dialect);
        await writeMeta(tx, {
          ...loaded.meta,
          data: 'demo',
          demo_anchor: loaded.demoAnchor,
          seeded_at: new Date().toISOString(),
        });
      });
      meta = await readMeta(db);
      seeded = true;
    } else if (seed && meta['data'] === 'imported') {
      throw new StorageError(
        `${db.location} holds imported data; the demo company is only loaded into an empty store.`,
      );
    }
    const anchor = meta['demo_anchor'];
    const clock = options.clock ?? (meta['data'] === 'demo' && anchor ? anchoredClock(anchor) : systemClock);
    return { db, meta, clock, migrated, seeded };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export async function readMeta(sql: SqlRunner): Promise<Record<string, string>> {
  const rows = await sql.query<{ key: string; value: string }>('SELECT key, value FROM sophia_meta');
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** Records `entries` in `sophia_meta`, replacing keys already there (an upsert every dialect can run). */
export async function writeMeta(sql: SqlRunner, entries: Readonly<Record<string, string>>): Promise<void> {
  const rows = Object.entries(entries).map(([key, value]) => ({ key, value }));
  await sql.upsertRows('sophia_meta', rows, ['key']);
}
