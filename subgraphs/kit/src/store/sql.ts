import type { Dialect } from './sql-database.ts';

/** SQL fragments every store builds its statements from; where the dialects differ, they take the store's. */

/** `?, ?, ?` for a list of values (or a count). */
export const placeholders = (values: readonly unknown[] | number): string =>
  Array.from({ length: typeof values === 'number' ? values : values.length }, () => '?').join(', ');

/**
 * A TIMESTAMP (Snowflake: TIMESTAMP_NTZ) column read as ISO 8601 with milliseconds and `Z`, as the API
 * returns times. Pass the store's dialect (`db.dialect`); the default serves stores that only run on DuckDB.
 */
export const isoTimestampSql = (column: string, dialect: Dialect = 'duckdb'): string =>
  dialect === 'snowflake'
    ? `TO_VARCHAR(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.FF3"Z"')`
    : `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

/**
 * Where a statement writes a JSON value bound as text (`JSON.stringify(value)`): DuckDB's JSON column takes
 * the text; Snowflake's VARIANT needs it parsed. Snowflake refuses PARSE_JSON inside `INSERT … VALUES`, so
 * inserts that use this write `INSERT INTO t (…) SELECT ?, …` instead.
 */
export const jsonValueSql = (dialect: Dialect): string => (dialect === 'snowflake' ? 'PARSE_JSON(?)' : '?');

/** The LIKE escape character of {@link containsPattern}: not `\`, which Snowflake string literals escape. */
export const LIKE_ESCAPE = "ESCAPE '!'";

/** Escapes LIKE wildcards so a search for `50%` means the characters, not a pattern (use with LIKE_ESCAPE). */
export const containsPattern = (text: string): string => `%${text.replace(/[!%_]/g, '!$&')}%`;

/** JSON columns come back as text from DuckDB; this parses them once, whatever the backend returned. */
export function parseJsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export { upsertSelect, upsertSelectSql, type UpsertSelect } from './upsert-select.ts';
