import type {
  DuckDBConnection,
  DuckDBMaterializedResult,
  DuckDBPreparedStatement,
  DuckDBValue,
} from '@duckdb/node-api';

/** Prepared statements kept per connection: a store sends a few dozen texts; others churn the oldest. */
export const STATEMENTS_PER_CONNECTION = 200;

interface Kept {
  readonly statement: DuckDBPreparedStatement;
  /** Bound and running: another call on the connection takes the plain path meanwhile. */
  busy: boolean;
  /** Forgotten while running: destroyed once it has run. */
  dropped: boolean;
}

const byConnection = new WeakMap<DuckDBConnection, Map<string, Kept>>();
/** Texts DuckDB would not prepare on their own (several statements): run the plain way from then on. */
const unpreparable = new Set<string>();

/**
 * Runs a statement with parameters through a prepared statement its connection keeps, so the text is parsed
 * and planned once per connection instead of on every call (DuckDB re-plans it itself when a table changes or
 * a parameter's type does). A statement already running on the connection (concurrent calls inside one
 * transaction) and a text of several statements take the plain path; a statement that fails is dropped, so
 * nothing it left behind is reused. Closing the connection destroys the statements it prepared.
 */
export async function runPrepared(
  connection: DuckDBConnection,
  sql: string,
  params: readonly DuckDBValue[],
): Promise<DuckDBMaterializedResult> {
  const kept = unpreparable.has(sql) ? undefined : await keptFor(connection, sql);
  if (!kept || kept.busy) return connection.run(sql, params as DuckDBValue[]);
  kept.busy = true;
  try {
    kept.statement.bind(params as DuckDBValue[]);
    // A materialized result: reading it later does not touch the statement.
    return await kept.statement.run();
  } catch (error) {
    forget(connection, sql);
    throw error;
  } finally {
    kept.busy = false;
    if (kept.dropped) kept.statement.destroySync();
  }
}

async function keptFor(connection: DuckDBConnection, sql: string): Promise<Kept | undefined> {
  let statements = byConnection.get(connection);
  if (!statements) byConnection.set(connection, (statements = new Map()));
  const known = statements.get(sql);
  if (known) {
    // Re-inserted, so a Map's insertion order is its use order.
    statements.delete(sql);
    statements.set(sql, known);
    return known;
  }
  let statement: DuckDBPreparedStatement;
  try {
    statement = await connection.prepare(sql);
  } catch {
    // Several statements in one text, or a text that does not bind: the plain path runs (or reports) it.
    if (unpreparable.size < STATEMENTS_PER_CONNECTION) unpreparable.add(sql);
    return undefined;
  }
  // Another call may have prepared the same text meanwhile: keep one.
  const raced = statements.get(sql);
  if (raced) {
    statement.destroySync();
    return raced;
  }
  const kept = { statement, busy: false, dropped: false };
  statements.set(sql, kept);
  if (statements.size > STATEMENTS_PER_CONNECTION) {
    const oldest = statements.keys().next().value!;
    forget(connection, oldest);
  }
  return kept;
}

function forget(connection: DuckDBConnection, sql: string): void {
  const statements = byConnection.get(connection);
  const kept = statements?.get(sql);
  if (!kept) return;
  statements!.delete(sql);
  if (kept.busy) kept.dropped = true;
  else kept.statement.destroySync();
}
