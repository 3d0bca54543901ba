import type { SqlRunner } from '../duckdb.ts';
import type { Dialect } from './sql-database.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface UpsertSelect {
  readonly table: string;
  /** The columns written; `source` has a column of each name. */
  readonly columns: readonly string[];
  /** The key columns: a source row whose key is already in `table` updates that row; any other is inserted. */
  readonly key: readonly string[];
  /** An SQL relation (a table name or a parenthesised SELECT) holding the rows. */
  readonly source: string;
  /** The columns a matched row takes from the source. @default every column but the key's */
  readonly update?: readonly string[];
}

/**
 * A set-wise upsert as one statement in the store's dialect: the bulk counterpart of `upsertRows`, for rows
 * that are already in the database (an import's staging table), so none of them travels through JavaScript.
 * DuckDB takes `INSERT … SELECT … ON CONFLICT` (its MERGE refuses to update a row another table's foreign key
 * points at); Snowflake takes MERGE (it has no ON CONFLICT, and does not enforce keys).
 */
export function upsertSelectSql(dialect: Dialect, upsert: UpsertSelect): string {
  const { table, columns, key, source } = upsert;
  const updates = upsert.update ?? columns.filter((column) => !key.includes(column));
  for (const name of [table, ...columns, ...key, ...updates]) {
    if (!IDENTIFIER.test(name)) throw new TypeError(`Not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  if (key.length === 0 || [...key, ...updates].some((column) => !columns.includes(column))) {
    throw new TypeError(`An upsert into ${table} writes its key and updated columns among its columns`);
  }
  const list = columns.join(', ');
  if (dialect === 'snowflake') {
    const matched = updates.length
      ? ` WHEN MATCHED THEN UPDATE SET ${updates.map((column) => `${column} = s.${column}`).join(', ')}`
      : '';
    return (
      `MERGE INTO ${table} t USING (SELECT ${list} FROM ${source}) s ` +
      `ON ${key.map((column) => `t.${column} = s.${column}`).join(' AND ')}${matched} ` +
      `WHEN NOT MATCHED THEN INSERT (${list}) VALUES (${columns.map((column) => `s.${column}`).join(', ')})`
    );
  }
  const conflict = updates.length
    ? `DO UPDATE SET ${updates.map((column) => `${column} = excluded.${column}`).join(', ')}`
    : 'DO NOTHING';
  return `INSERT INTO ${table} (${list}) SELECT ${list} FROM ${source} ON CONFLICT (${key.join(', ')}) ${conflict}`;
}

/**
 * A store's bulk write: upserts into `table`, matched on `key`, the rows of a relation holding `columns`
 * (named as the table's), in the store's dialect.
 */
export const upsertSelect =
  (table: string, columns: readonly string[], key: readonly string[]) =>
  (tx: SqlRunner, dialect: Dialect, source: string): Promise<void> =>
    tx.run(upsertSelectSql(dialect, { table, columns, key, source }));
