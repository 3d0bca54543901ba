import { mkdirSync, accessSync, constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { ConnectionPool } from './connection-pool.ts';
import { rowObjectsJson } from './duckdb-rows.ts';
import { runPrepared } from './duckdb-statements.ts';
import { checkedBeforeCommit, type SqlDatabase, type TransactionOptions } from './store/sql-database.ts';
import { statementSpan } from './telemetry/statement-span.ts';

export type SqlParam = DuckDBValue | string | number | boolean | null;
export type SqlRow = Record<string, unknown>;

/** Raised when the data directory or database file cannot be used; the message says what to fix. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export interface SqlRunner {
  /** Rows as JSON-safe objects: DATE as 'YYYY-MM-DD', TIMESTAMP as 'YYYY-MM-DD HH:MM:SS', BIGINT as string. */
  query<T = SqlRow>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /** Inserts plain objects; the columns are the keys of the first row. Chunked to keep statements small. */
  insertRows(table: string, rows: readonly SqlRow[]): Promise<void>;
  /**
   * Like `insertRows`, but a row whose `key` columns match one already there updates it instead (imports are
   * idempotent). `key` names the primary key's columns.
   */
  upsertRows(table: string, rows: readonly SqlRow[], key: readonly string[]): Promise<void>;
}

/**
 * @default 16: a transaction holds its connection across every turn of the event loop its statements wait
 * for, so under load four connections were the queue a sendMessage waited in (measured with
 * `npm run bench:chat`). Connections are opened as the load asks for them, not up front: opening one costs
 * time that a store which never sees that load (a test's, a CLI's) need not spend.
 */
const POOL_SIZE = 16;
/** Connections opened with the store. */
const FIRST_CONNECTIONS = 2;
/**
 * How long a statement that no person waits on may be passed over by transactions that one does (see
 * `TransactionOptions.interactive`) before it takes the next free connection anyway.
 */
const MAX_WAIT_BEHIND_MS = 1000;
/**
 * @default 1: a service's store answers many small queries at once, one or a few per request, where a query
 * spread over threads costs more CPU than it saves (measured: the same chat workload took about a third less
 * CPU on one thread than on two) and the other requests' queries keep the cores busy anyway. Bulk work (an
 * import's staging) asks for `all`.
 */
export const SERVICE_QUERY_THREADS = 1;
const INSERT_CHUNK_ROWS = 500;

/**
 * One embedded DuckDB file per subgraph under SOPHIA_DATA_DIR: the default store backend. A connection
 * pool lets concurrent requests read in parallel; a transaction holds one connection for its whole life.
 */
export class DuckDb implements SqlDatabase {
  readonly dialect = 'duckdb';
  private readonly pool: ConnectionPool<DuckDBConnection>;

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly path: string,
  ) {
    this.pool = new ConnectionPool(() => instance.connect(), POOL_SIZE, MAX_WAIT_BEHIND_MS);
  }

  get location(): string {
    return this.path;
  }

  /**
   * Opens (creating when absent) `<dataDir>/<fileName>`; `:memory:` opens a throwaway database. `threads`:
   * how many threads one query may use (see {@link SERVICE_QUERY_THREADS}); `all`, one per core.
   */
  static async open(
    dataDir: string,
    fileName: string,
    { threads = SERVICE_QUERY_THREADS }: { threads?: number | 'all' } = {},
  ): Promise<DuckDb> {
    const path = fileName === ':memory:' ? ':memory:' : join(resolve(dataDir), fileName);
    if (path !== ':memory:') ensureWritableDir(resolve(dataDir));
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, threads === 'all' ? {} : { threads: String(threads) });
    } catch (error) {
      throw new StorageError(
        `Cannot open database ${path}: ${(error as Error).message}. ` +
          'Another process may hold it, or the file is damaged; stop the other process or move the file away.',
        { cause: error },
      );
    }
    const db = new DuckDb(instance, path);
    await db.pool.prepare(FIRST_CONNECTIONS);
    return db;
  }

  query<T = SqlRow>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return traced(sql, () => this.pool.use((c) => queryOn<T>(c, sql, params)));
  }

  run(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    return traced(sql, () => this.pool.use((c) => runOn(c, sql, params)));
  }

  insertRows(table: string, rows: readonly SqlRow[]): Promise<void> {
    return traced(`INSERT INTO ${table}`, () => this.pool.use((c) => insertOn(c, table, rows)));
  }

  upsertRows(table: string, rows: readonly SqlRow[], key: readonly string[]): Promise<void> {
    return traced(`UPSERT INTO ${table}`, () => this.pool.use((c) => insertOn(c, table, rows, key)));
  }

  /** Runs `work` in one transaction: all of it lands, or none of it does (see `TransactionOptions`). */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>, options?: TransactionOptions): Promise<T> {
    const checked = checkedBeforeCommit(work, options);
    return traced('TRANSACTION', () =>
      this.pool.use(async (c) => {
        await c.run('BEGIN TRANSACTION');
        try {
          const result = await checked({
            query: (sql, params = []) => queryOn(c, sql, params),
            run: (sql, params = []) => runOn(c, sql, params),
            insertRows: (table, rows) => insertOn(c, table, rows),
            upsertRows: (table, rows, key) => insertOn(c, table, rows, key),
          });
          await c.run('COMMIT');
          return result;
        } catch (error) {
          await c.run('ROLLBACK');
          throw error;
        }
      }, options?.interactive),
    );
  }

  async close(): Promise<void> {
    for (const connection of this.pool.drain()) connection.closeSync();
    this.instance.closeSync();
  }
}

const traced = <T>(sql: string, work: () => Promise<T>): Promise<T> => statementSpan('duckdb', sql, work);

// Statements with parameters are the stores' repeated ones: prepared once per connection (duckdb-statements.ts).
async function queryOn<T>(c: DuckDBConnection, sql: string, params: readonly SqlParam[]): Promise<T[]> {
  const result = params.length === 0 ? await c.run(sql) : await runPrepared(c, sql, params as DuckDBValue[]);
  return rowObjectsJson<T>(result);
}

async function runOn(c: DuckDBConnection, sql: string, params: readonly SqlParam[]): Promise<void> {
  if (params.length === 0) await c.run(sql);
  else await runPrepared(c, sql, params as DuckDBValue[]);
}

async function insertOn(
  c: DuckDBConnection,
  table: string,
  rows: readonly SqlRow[],
  /** Upsert on these columns; absent: a plain insert. */
  key?: readonly string[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const updates = columns.filter((column) => !key?.includes(column));
  const onConflict = !key
    ? ''
    : updates.length === 0
      ? ` ON CONFLICT (${key.join(', ')}) DO NOTHING`
      : ` ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + INSERT_CHUNK_ROWS);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}${onConflict}`;
    const values = chunk.flatMap((row) => columns.map((column) => toSqlParam(row[column])));
    // Not kept prepared: a chunk's text holds a placeholder per value, and bulk writes are rare.
    await c.run(sql, values as DuckDBValue[]);
  }
}

function toSqlParam(value: unknown): SqlParam {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value) || (typeof value === 'object' && !(value instanceof Date)))
    return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value as SqlParam;
}

function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StorageError(
      `Data directory ${dir} is not usable (${(error as NodeJS.ErrnoException).code ?? 'error'}): ` +
        'set SOPHIA_DATA_DIR to a writable directory.',
      { cause: error },
    );
  }
}
