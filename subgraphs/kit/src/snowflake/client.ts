import snowflake from 'snowflake-sdk';
import type { Bind, Connection, ConnectionOptions, RowStatement } from 'snowflake-sdk';
import type { SqlParam, SqlRow } from '../duckdb.ts';
import type { SnowflakeOptions } from './env.ts';
import {
  SESSION_GONE_CODES,
  SnowflakeAuthError,
  SnowflakeUnavailableError,
  toSnowflakeError,
} from './errors.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { normalizeRow, vectorColumns } from './rows.ts';

/**
 * A bound value: what the DuckDB wrapper takes, plus Dates (sent as ISO text) and plain objects and arrays
 * (sent as JSON text, for `PARSE_JSON(?)`).
 */
export type SnowflakeParam =
  SqlParam | Date | bigint | readonly unknown[] | { readonly [key: string]: unknown };

/** What runs statements, on the pool or inside a transaction: the kit's DuckDB calls, plus streaming. */
export interface SnowflakeRunner {
  /** Rows keyed by lower-cased column names (see rows.ts). */
  query<T = SqlRow>(sql: string, params?: readonly SnowflakeParam[]): Promise<T[]>;
  run(sql: string, params?: readonly SnowflakeParam[]): Promise<void>;
  /** Inserts plain objects with array binding; the columns are the keys of the first row. */
  insertRows(table: string, rows: readonly SqlRow[]): Promise<void>;
  /** Rows one at a time, for results too large to hold. */
  stream<T = SqlRow>(sql: string, params?: readonly SnowflakeParam[]): AsyncIterable<T>;
}

export interface SnowflakeClientOptions extends SnowflakeOptions {
  retry?: RetryOptions;
  /** How long a statement waits for a free pooled connection. @default 30000 */
  acquireTimeoutMs?: number;
}

/** Rows per request in {@link SnowflakeClient.insertRows}: array binds travel inline in one JSON body. */
const INSERT_CHUNK_ROWS = 10_000;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*){0,2}$/;

let sdkConfigured = false;

/**
 * Sophia's Snowflake client: a pool of sessions (snowflake.createPool), bound parameters only, streamed
 * reads, retries with backoff on transient failures, a QUERY_TAG naming the service and
 * STATEMENT_TIMEOUT_IN_SECONDS on every session, transactions on one held connection, typed errors.
 *
 * Its calls mirror the kit's DuckDB wrapper (`query`, `run`, `insertRows`, `transaction`, `close`) so a
 * store can put either behind one interface. Rows differ only where the dialects do: see rows.ts.
 */
export class SnowflakeClient implements SnowflakeRunner {
  /** Sessions that already got their per-session settings. */
  private readonly prepared = new WeakSet<Connection>();

  private constructor(
    private readonly pool: ReturnType<typeof snowflake.createPool>,
    private readonly options: SnowflakeClientOptions,
  ) {}

  /**
   * Logs in once to check the credentials (so a wrong password fails here, with Snowflake's code, rather
   * than as a bare pool error later), then opens the pool.
   */
  static async open(options: SnowflakeClientOptions): Promise<SnowflakeClient> {
    if (!sdkConfigured) {
      // The client reports every failure as a typed error; the SDK's own console log would only repeat it.
      snowflake.configure({ logLevel: 'OFF' });
      sdkConfigured = true;
    }
    const connectionOptions = toConnectionOptions(options);
    await probeLogin(connectionOptions, options);
    const pool = snowflake.createPool(connectionOptions, {
      min: 0,
      max: options.poolSize,
      acquireTimeoutMillis: options.acquireTimeoutMs ?? 30_000,
      idleTimeoutMillis: 10 * 60_000,
      evictionRunIntervalMillis: 60_000,
    });
    return new SnowflakeClient(pool, options);
  }

  query<T = SqlRow>(sql: string, params: readonly SnowflakeParam[] = []): Promise<T[]> {
    return this.retrying(() => this.withConnection((c) => execute<T>(c, sql, toBinds(params))));
  }

  async run(sql: string, params: readonly SnowflakeParam[] = []): Promise<void> {
    await this.query(sql, params);
  }

  /** Inserts plain objects with array binding; columns are the first row's keys. Each chunk is atomic. */
  async insertRows(table: string, rows: readonly SqlRow[]): Promise<void> {
    for (const chunk of insertChunks(table, rows)) {
      await this.retrying(() => this.withConnection((c) => execute(c, chunk.sql, chunk.binds)));
    }
  }

  /** Rows one at a time, holding one connection until the loop ends; a retry can happen only before the first row. */
  async *stream<T = SqlRow>(sql: string, params: readonly SnowflakeParam[] = []): AsyncIterable<T> {
    const { connection, statement } = await this.retrying(async () => {
      const connection = await this.acquire();
      try {
        return { connection, statement: await start(connection, sql, toBinds(params)) };
      } catch (error) {
        this.giveBack(connection, error);
        throw error;
      }
    });
    yield* streamFrom<T>(statement, () => this.giveBack(connection, undefined));
  }

  /**
   * Runs `work` in one transaction on one connection: all of it lands or none of it does. Statements inside
   * are not retried one by one (the transaction would be half done); a transient failure before BEGIN is.
   */
  async transaction<T>(work: (tx: SnowflakeRunner) => Promise<T>): Promise<T> {
    const connection = await this.retrying(async () => {
      const c = await this.acquire();
      try {
        await execute(c, 'BEGIN', []);
        return c;
      } catch (error) {
        this.giveBack(c, error);
        throw error;
      }
    });
    let failure: unknown;
    try {
      const result = await work(this.runnerOn(connection));
      await execute(connection, 'COMMIT', []);
      return result;
    } catch (error) {
      failure = error;
      await execute(connection, 'ROLLBACK', []).catch(() => undefined);
      throw error;
    } finally {
      this.giveBack(connection, failure);
    }
  }

  async close(): Promise<void> {
    await this.pool.drain();
    await this.pool.clear();
  }

  private runnerOn(connection: Connection): SnowflakeRunner {
    return {
      query: <T>(sql: string, params: readonly SnowflakeParam[] = []) =>
        execute<T>(connection, sql, toBinds(params)),
      run: async (sql, params = []) => void (await execute(connection, sql, toBinds(params))),
      insertRows: async (table, rows) => {
        for (const chunk of insertChunks(table, rows)) await execute(connection, chunk.sql, chunk.binds);
      },
      stream: <T>(sql: string, params: readonly SnowflakeParam[] = []) =>
        (async function* () {
          yield* streamFrom<T>(await start(connection, sql, toBinds(params)), () => undefined);
        })(),
    };
  }

  private retrying<T>(work: () => Promise<T>): Promise<T> {
    return withRetry(work, this.options.retry);
  }

  private async withConnection<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    let failure: unknown;
    try {
      return await work(connection);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      this.giveBack(connection, failure);
    }
  }

  /** A pooled session, set up on first use: STATEMENT_TIMEOUT_IN_SECONDS (QUERY_TAG travels with each statement). */
  private async acquire(): Promise<Connection> {
    let connection: Connection;
    try {
      connection = await this.pool.acquire();
    } catch (error) {
      throw poolError(error, this.options);
    }
    if (!this.prepared.has(connection)) {
      try {
        // ALTER SESSION and USE take no binds; the value is an integer and the schema an identifier, both
        // checked by the config.
        await execute(
          connection,
          `ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = ${Math.trunc(this.options.statementTimeoutSeconds)}`,
          [],
        );
        // A session opened before the store's schema existed has none; every statement runs in the store's.
        if (this.options.schema) await execute(connection, `USE SCHEMA ${this.options.schema}`, []);
      } catch (error) {
        this.giveBack(connection, error);
        throw error;
      }
      this.prepared.add(connection);
    }
    return connection;
  }

  /** Returns a connection to the pool, or destroys it when its session is gone. */
  private giveBack(connection: Connection, failure: unknown): void {
    const code = String((failure as { code?: unknown } | undefined)?.code ?? '');
    const gone = SESSION_GONE_CODES.has(code) || (failure !== undefined && !connection.isUp());
    void (gone ? this.pool.destroy(connection) : this.pool.release(connection)).catch(() => undefined);
  }
}

function toConnectionOptions(options: SnowflakeOptions): ConnectionOptions {
  const auth =
    'password' in options.auth
      ? { password: options.auth.password }
      : {
          authenticator: 'SNOWFLAKE_JWT',
          privateKeyPath: options.auth.privateKeyPath,
          ...(options.auth.passphrase && { privateKeyPass: options.auth.passphrase }),
        };
  return {
    account: options.account,
    username: options.user,
    ...auth,
    ...(options.warehouse && { warehouse: options.warehouse }),
    ...(options.database && { database: options.database }),
    ...(options.schema && { schema: options.schema }),
    ...(options.role && { role: options.role }),
    ...(options.accessUrl && { accessUrl: options.accessUrl }),
    queryTag: options.queryTag,
    application: 'Sophia',
    // Dates come back as text (fetchAsString); without this a NULL date would be the string 'NULL'.
    representNullAsStringNull: false,
  };
}

/**
 * connect(cb), not connectAsync(): in snowflake-sdk 3.3 connectAsync resolves even when the login fails.
 * The same session makes the store's schema when it is missing; a role without CREATE SCHEMA relies on the
 * operator having made it (ops/snowflake), and the first statement says so if not.
 */
async function probeLogin(connectionOptions: ConnectionOptions, options: SnowflakeOptions): Promise<void> {
  const connection = snowflake.createConnection(connectionOptions);
  await new Promise<void>((resolve, reject) => {
    connection.connect((error) => (error ? reject(loginError(error, options)) : resolve()));
  });
  try {
    if (options.schema) {
      await execute(connection, `CREATE SCHEMA IF NOT EXISTS ${options.schema}`, []).catch(
        (error: unknown) => {
          if ((error as { code?: unknown }).code !== INSUFFICIENT_PRIVILEGES) throw error;
        },
      );
    }
  } finally {
    await new Promise<void>((resolve) => connection.destroy(() => resolve()));
  }
}

/** Snowflake's code for a statement the role may not run. */
const INSUFFICIENT_PRIVILEGES = '003001';

function loginError(error: unknown, options: SnowflakeOptions) {
  const how = 'password' in options.auth ? 'SNOWFLAKE_PASSWORD' : `the key in ${options.auth.privateKeyPath}`;
  const mapped = toSnowflakeError(
    error,
    `Snowflake refused the login of ${options.user} on ${options.account}: `,
  );
  if (!(mapped instanceof SnowflakeAuthError)) return mapped;
  return new SnowflakeAuthError(
    `${mapped.message}. Check SNOWFLAKE_USER and ${how}.`,
    mapped.code,
    mapped.sqlState,
    undefined,
    false,
    { cause: error },
  );
}

/** The SDK's pool turns a failed login into a bare Error(message); keep auth failures distinguishable. */
function poolError(error: unknown, options: SnowflakeOptions) {
  const message = (error as Error | undefined)?.message ?? String(error);
  if (/password|JWT|authenticat/i.test(message)) {
    return new SnowflakeAuthError(
      `Snowflake refused a pooled login of ${options.user}: ${message}`,
      '',
      undefined,
      undefined,
      false,
      { cause: error },
    );
  }
  return new SnowflakeUnavailableError(
    `No Snowflake connection available: ${message}`,
    '',
    undefined,
    undefined,
    true,
    { cause: error },
  );
}

function execute<T>(connection: Connection, sqlText: string, binds: Bind[] | Bind[][]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText,
      ...(binds.length > 0 && { binds }),
      fetchAsString: ['Date'],
      complete: (error, statement, rows) => {
        if (error) return reject(toSnowflakeError(error));
        const vectors = vectorColumns(statement);
        resolve((rows ?? []).map((row: SqlRow) => normalizeRow(row, vectors) as T));
      },
    });
  });
}

function start(connection: Connection, sqlText: string, binds: Bind[]): Promise<RowStatement> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText,
      ...(binds.length > 0 && { binds }),
      streamResult: true,
      fetchAsString: ['Date'],
      complete: (error, statement) => (error ? reject(toSnowflakeError(error)) : resolve(statement)),
    });
  });
}

async function* streamFrom<T>(statement: RowStatement, done: () => void): AsyncIterable<T> {
  const rows = statement.streamRows();
  const vectors = vectorColumns(statement);
  try {
    for await (const row of rows) yield normalizeRow(row as SqlRow, vectors) as T;
  } catch (error) {
    throw toSnowflakeError(error);
  } finally {
    rows.destroy();
    done();
  }
}

/** Binds for the SDK: dates as ISO text, big integers as text, objects and arrays as JSON (for PARSE_JSON(?)). */
function toBinds(params: readonly SnowflakeParam[]): Bind[] {
  return params.map(toBind);
}

function toBind(value: unknown): Bind {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) return JSON.stringify(value);
  return String(value);
}

function insertChunks(table: string, rows: readonly SqlRow[]): Array<{ sql: string; binds: Bind[][] }> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new TypeError(`Not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const chunks = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + INSERT_CHUNK_ROWS);
    chunks.push({ sql, binds: chunk.map((row) => columns.map((column) => toBind(row[column]))) });
  }
  return chunks;
}
