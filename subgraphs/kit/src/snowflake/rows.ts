import type { RowStatement } from 'snowflake-sdk';
import type { SqlRow } from '../duckdb.ts';

/**
 * Rows in the shape the kit's DuckDB wrapper gives, where the dialects allow:
 * - keys: Snowflake folds unquoted names to upper case (`ID`); those come back lower case (`id`), as
 *   written in Sophia's SQL. Quoted mixed-case names are kept as they are.
 * - dates and timestamps: text (`2024-03-01`, `2024-03-01 12:34:56.789`), fetched as strings.
 * - VECTOR: number[] (snowflake-sdk has no vector type and hands over the text).
 * - VARIANT / OBJECT / ARRAY: parsed JSON values.
 */
export function normalizeRow(row: SqlRow, vectors: ReadonlySet<string>): SqlRow {
  const out: SqlRow = {};
  for (const [key, value] of Object.entries(row)) {
    const parsed = vectors.has(key) && typeof value === 'string' ? (JSON.parse(value) as number[]) : value;
    out[key === key.toUpperCase() ? key.toLowerCase() : key] = parsed;
  }
  return out;
}

/** Names of the VECTOR columns of a result. */
export function vectorColumns(statement: RowStatement | undefined): ReadonlySet<string> {
  const columns = statement?.getColumns() ?? [];
  return new Set(columns.filter((c) => c.getType().toLowerCase() === 'vector').map((c) => c.getName()));
}
