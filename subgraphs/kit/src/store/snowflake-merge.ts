import type { SqlParam, SqlRow } from '../duckdb.ts';

/** Rows per MERGE: every value is one bind, and a statement's binds travel in one request. */
const MERGE_CHUNK_ROWS = 1_000;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*){0,2}$/;

/**
 * `upsertRows` in Snowflake's dialect: one MERGE per chunk, the chunk's rows given as a bound VALUES list, so
 * a row whose key columns match updates that row and any other row is inserted. Snowflake has no
 * `ON CONFLICT` (and does not enforce primary keys), so the key columns are named by the caller.
 */
export function mergeStatements(
  table: string,
  rows: readonly SqlRow[],
  key: readonly string[],
): Array<{ sql: string; params: SqlParam[] }> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  for (const name of [table, ...columns, ...key]) {
    if (!IDENTIFIER.test(name)) throw new TypeError(`Not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  const missing = key.filter((column) => !columns.includes(column));
  if (key.length === 0 || missing.length > 0) {
    throw new TypeError(
      `An upsert into ${table} needs its key columns in every row (missing: ${missing.join(', ')})`,
    );
  }
  const updates = columns.filter((column) => !key.includes(column));
  // Objects and arrays travel as JSON text; PARSE_JSON stores them as VARIANT values, not as strings.
  const json = new Set(columns.filter((column) => isJson(first[column])));
  const source = (column: string) => (json.has(column) ? `PARSE_JSON(s.${column})` : `s.${column}`);
  const on = key.map((column) => `t.${column} = s.${column}`).join(' AND ');
  const matched = updates.length
    ? ` WHEN MATCHED THEN UPDATE SET ${updates.map((column) => `t.${column} = ${source(column)}`).join(', ')}`
    : '';
  const insert = `WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map(source).join(', ')})`;
  const row = `(${columns.map(() => '?').join(', ')})`;
  const statements = [];
  for (let start = 0; start < rows.length; start += MERGE_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + MERGE_CHUNK_ROWS);
    statements.push({
      sql:
        `MERGE INTO ${table} t USING (SELECT * FROM (VALUES ${chunk.map(() => row).join(', ')}) AS v (${columns.join(', ')})) s ` +
        `ON ${on}${matched} ${insert}`,
      params: chunk.flatMap((r) => columns.map((column) => toParam(r[column]))),
    });
  }
  return statements;
}

const isJson = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !(value instanceof Date);

function toParam(value: unknown): SqlParam {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return value as SqlParam;
}
