import type { SqlParam, SqlRow, SqlRunner } from '../duckdb.ts';
import { SnowflakeClient, type SnowflakeClientOptions, type SnowflakeRunner } from '../snowflake/index.ts';
import { statementSpan } from '../telemetry/statement-span.ts';
import { checkedBeforeCommit, type SqlDatabase, type TransactionOptions } from './sql-database.ts';
import { mergeStatements } from './snowflake-merge.ts';

/**
 * A store on Snowflake: the kit's Snowflake client (pool, binds, retries, typed errors) behind the store
 * interface every subgraph talks to. Rows come back keyed by lower-case names, as DuckDB gives them; bulk
 * inserts travel as array binds; upserts are a MERGE on the key columns. Load this module only when
 * SNOWFLAKE_ACCOUNT is set: snowflake-sdk is slow to load.
 */
export class SnowflakeDatabase implements SqlDatabase {
  readonly dialect = 'snowflake';

  private constructor(
    private readonly client: SnowflakeClient,
    readonly location: string,
  ) {}

  static async open(options: SnowflakeClientOptions): Promise<SnowflakeDatabase> {
    const client = await SnowflakeClient.open(options);
    const where = [options.database, options.schema].filter(Boolean).join('.');
    return new SnowflakeDatabase(client, `Snowflake ${options.account}${where ? ` ${where}` : ''}`);
  }

  query<T = SqlRow>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return traced(sql, () => this.client.query<T>(sql, params));
  }

  run(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    return traced(sql, () => this.client.run(sql, params));
  }

  insertRows(table: string, rows: readonly SqlRow[]): Promise<void> {
    return traced(`INSERT INTO ${table}`, () => this.client.insertRows(table, rows));
  }

  upsertRows(table: string, rows: readonly SqlRow[], key: readonly string[]): Promise<void> {
    return traced(`MERGE INTO ${table}`, () => upsertOn(this.client, table, rows, key));
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return traced('TRANSACTION', () =>
      this.client.transaction(checkedBeforeCommit((tx) => work(storeRunner(tx)), options)),
    );
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** Spans as the embedded store's, so a trace shows the warehouse's statements under the request. */
const traced = <T>(sql: string, work: () => Promise<T>): Promise<T> => statementSpan('snowflake', sql, work);

/** Statements Snowflake runs in a transaction of their own, committing any open one first. */
const DDL = /^\s*(CREATE|ALTER|DROP|TRUNCATE|UNDROP|COMMENT|GRANT|REVOKE)\b/i;

/**
 * The store's runner over a transaction's Snowflake runner (which has no upsert of its own). DDL commits the
 * open transaction on Snowflake, so a new one is begun after it: the statements after the DDL stay
 * all-or-nothing, as the caller expects; the DDL itself cannot be rolled back (write it idempotent).
 */
function storeRunner(tx: SnowflakeRunner): SqlRunner {
  return {
    query: (sql, params) => tx.query(sql, params),
    run: async (sql, params) => {
      await tx.run(sql, params);
      if (DDL.test(sql)) await tx.run('BEGIN');
    },
    insertRows: (table, rows) => tx.insertRows(table, rows),
    upsertRows: (table, rows, key) => upsertOn(tx, table, rows, key),
  };
}

async function upsertOn(
  runner: Pick<SnowflakeRunner, 'run'>,
  table: string,
  rows: readonly SqlRow[],
  key: readonly string[],
): Promise<void> {
  for (const statement of mergeStatements(table, rows, key))
    await runner.run(statement.sql, statement.params);
}
