import type { SqlRunner } from '../duckdb.ts';

/**
 * The SQL dialects a store can run on. Each store's migrations give their statements per dialect; a backend
 * runs the ones written for its own. DuckDB is the embedded default; Snowflake is the warehouse backend.
 */
export type Dialect = 'duckdb' | 'snowflake';

/**
 * What every store backend offers: statements with `?` parameters, bulk inserts and transactions. A store's
 * reads and writes talk to this, never to a driver, so adding a backend means implementing this once.
 */
export interface SqlDatabase extends SqlRunner {
  readonly dialect: Dialect;
  /** Where the data lives, for messages (a file path, an account and database). */
  readonly location: string;
  /** Runs `work` in one transaction: all of it lands, or none of it does. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
