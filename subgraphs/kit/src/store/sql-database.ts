import type { SqlRunner } from '../duckdb.ts';
import type { RequestDeadline } from '../request-deadline.ts';

/**
 * The SQL dialects a store can run on. Each store's migrations give their statements per dialect; a backend
 * runs the ones written for its own. DuckDB is the embedded default; Snowflake is the warehouse backend.
 */
export type Dialect = 'duckdb' | 'snowflake';

export interface TransactionOptions {
  /**
   * The deadline of the request this write serves: the transaction commits only if the request still wants
   * it right before COMMIT, and rolls back with DEADLINE_EXCEEDED otherwise, so a write whose caller was told
   * it timed out never lands afterwards. Background work (ingest jobs, maintenance) passes none.
   */
  readonly deadline?: RequestDeadline | undefined;
  /**
   * A person waits on this transaction (a message being sent): when the store's connections are all busy it
   * takes the next free one ahead of work nobody waits on (a reply's final write), which is delayed, never
   * starved. A hint: a backend without a queue of its own ignores it.
   */
  readonly interactive?: boolean;
}

/**
 * What every store backend offers: statements with `?` parameters, bulk inserts and transactions. A store's
 * reads and writes talk to this, never to a driver, so adding a backend means implementing this once.
 */
export interface SqlDatabase extends SqlRunner {
  readonly dialect: Dialect;
  /** Where the data lives, for messages (a file path, an account and database). */
  readonly location: string;
  /** Runs `work` in one transaction: all of it lands, or none of it does. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/**
 * `work` followed by the deadline's last word: every backend runs its transaction's work through this, so the
 * check sits right before its COMMIT, and a refusal takes the ROLLBACK path like any other failure.
 */
export function checkedBeforeCommit<Tx, T>(
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions | undefined,
): (tx: Tx) => Promise<T> {
  const deadline = options?.deadline;
  if (!deadline) return work;
  return async (tx) => {
    const result = await work(tx);
    await deadline.beforeCommit();
    return result;
  };
}
