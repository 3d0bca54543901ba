import { SpanKind, withSpan } from './spans.ts';

/**
 * One CLIENT span per statement a store sends (`duckdb SELECT`, `snowflake MERGE`), named by its verb; the
 * text has placeholders only, never values.
 */
export function statementSpan<T>(
  system: 'duckdb' | 'snowflake',
  sql: string,
  work: () => Promise<T>,
): Promise<T> {
  const statement = sql.trim();
  const verb = statement.split(/\s+/, 1)[0]?.toUpperCase() ?? 'SQL';
  return withSpan(
    `${system} ${verb}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': system, 'db.query.text': statement.slice(0, 512) },
    },
    work,
  );
}
