import type { SqlRow, SqlRunner } from '@sophia/kit';
import type { ImportKind } from './kind.ts';
import type { Progress } from './progress.ts';
import { CHECKED } from './validate.ts';

/**
 * Binds per INSERT: below snowflake-sdk's CLIENT_STAGE_ARRAY_BINDING_THRESHOLD (100,000), above which the SDK
 * would bind through a temporary stage it creates, and a CREATE commits the import's open transaction.
 */
const BINDS_PER_INSERT = 50_000;

/** The checked rows' DuckDB types as Snowflake's. */
function snowflakeType(duckdb: string): string {
  if (duckdb === 'VARCHAR') return 'VARCHAR';
  if (duckdb === 'DOUBLE' || duckdb === 'FLOAT') return 'FLOAT';
  if (['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT'].includes(duckdb)) return 'NUMBER(38, 0)';
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(duckdb);
  if (decimal) return `NUMBER(${decimal[1]}, ${decimal[2]})`;
  if (duckdb === 'DATE') return 'DATE';
  if (duckdb === 'BOOLEAN') return 'BOOLEAN';
  if (duckdb === 'TIMESTAMP') return 'TIMESTAMP_NTZ';
  throw new TypeError(`An import column of type ${duckdb} has no Snowflake type here`);
}

/** Every value as text (NULL stays NULL): one bind type per column whatever the first row holds. */
const asText = (row: SqlRow): SqlRow =>
  Object.fromEntries(
    Object.entries(row).map(([column, value]) => [column, value === null ? null : String(value)]),
  );

/**
 * Copies the checked rows of a file (`import_rows` on `local`, the private DuckDB that checked them) into a
 * temporary table of the same name and columns in the Snowflake transaction `tx`, so the kind's set-wise
 * upsert runs there as it does on DuckDB: one statement for the whole file. The CREATE is DDL, which commits
 * what the transaction did before it (reads only: call this before any write); the inserts after it are
 * part of the import's all-or-nothing transaction.
 */
export async function copyCheckedRows(
  local: SqlRunner,
  tx: SqlRunner,
  kind: ImportKind<never>,
  rows: number,
  progress: Progress,
): Promise<string> {
  const described = await local.query<{ column_name: string; column_type: string }>(`DESCRIBE ${CHECKED}`);
  const typeOf = new Map(described.map((column) => [column.column_name, column.column_type]));
  const columns = ['row_id', ...kind.fields.map((field) => field.column)];
  const definitions = columns.map((column) => `${column} ${snowflakeType(typeOf.get(column) ?? 'VARCHAR')}`);
  await tx.run(`CREATE OR REPLACE TEMPORARY TABLE ${CHECKED} (${definitions.join(', ')})`);
  const select = columns.map((column) =>
    column === 'row_id' ? 'CAST(row_id AS BIGINT) AS row_id' : `"${column}"`,
  );
  const chunk = Math.max(1, Math.floor(BINDS_PER_INSERT / columns.length));
  for (let start = 0; start < rows; start += chunk) {
    const batch = await local.query(
      `SELECT ${select.join(', ')} FROM ${CHECKED} WHERE row_id >= ? AND row_id < ? ORDER BY row_id`,
      [start, start + chunk],
    );
    await tx.insertRows(CHECKED, batch.map(asText));
    progress.advance(batch.length);
  }
  return CHECKED;
}
