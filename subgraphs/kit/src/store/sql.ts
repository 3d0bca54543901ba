/** SQL fragments every store builds its statements from. */

/** `?, ?, ?` for a list of values (or a count). */
export const placeholders = (values: readonly unknown[] | number): string =>
  Array.from({ length: typeof values === 'number' ? values : values.length }, () => '?').join(', ');

/** A TIMESTAMP column read as ISO 8601 with milliseconds and `Z`, as the API returns times. */
export const isoTimestampSql = (column: string): string => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

/** Escapes LIKE wildcards so a search for `50%` means the characters, not a pattern (use with `ESCAPE '\'`). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** JSON columns come back as text from DuckDB; this parses them once, whatever the backend returned. */
export function parseJsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
