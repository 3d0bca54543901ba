import { extname, resolve } from 'node:path';
import type { SqlRunner } from '@sophia/kit';

export type FileFormat = 'csv' | 'jsonl' | 'parquet';

/** The staging table a file is read into: one VARCHAR column `c<i>` per column of the file, in file order. */
export const STAGED = 'import_file';

/** A file staged in `import_file`: every value as text (NULL where empty), in file order. */
export interface StagedFile {
  readonly format: FileFormat;
  /** The file's column names, as written; column `i` is staged as `c<i>`. */
  readonly columns: readonly string[];
  readonly rows: number;
  /**
   * SQL for a staged row's place in the file (0 first), over the staging table aliased `f`. Rows staged in a
   * transaction are numbered from a large base, in the order they were read (DuckDB keeps insertion order).
   */
  readonly rowIdSql: string;
  /** Where row `rowid` is, for messages: `line 38` (CSV, JSON Lines) or `row 37` (Parquet). */
  where(rowid: number): string;
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const FORMATS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
};

/** The format a file's extension names; anything else is refused with the ones we read. */
export function formatOf(path: string): FileFormat {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) {
    throw new ImportFileError(`${path}: unknown file type; use .csv, .jsonl (or .ndjson) or .parquet.`);
  }
  return format;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

function readerSql(path: string, format: FileFormat, jsonColumns?: readonly string[]): string {
  if (format === 'csv')
    return `read_csv(${literal(path)}, header = true, all_varchar = true, auto_detect = true)`;
  if (format === 'jsonl') {
    // Every value as raw JSON, so a row whose value has another type than the rows DuckDB sampled is still
    // read (and then refused with its line) instead of failing the whole file.
    const columns = jsonColumns
      ? `, columns = {${jsonColumns.map((name) => `${literal(name)}: 'JSON'`).join(', ')}}`
      : '';
    return `read_json(${literal(path)}, format = 'newline_delimited'${columns})`;
  }
  return `read_parquet(${literal(path)})`;
}

/** SQL giving a read value as the text a person would have written in a CSV cell. */
function asText(name: string, type: string, format: FileFormat): string {
  const column = identifier(name);
  if (format === 'jsonl')
    return `CASE json_type(${column}) WHEN 'NULL' THEN NULL WHEN 'VARCHAR' THEN ${column} ->> '$' ELSE ${column}::VARCHAR END`;
  if (type === 'VARCHAR') return column;
  return /STRUCT|MAP|\[\]|JSON/.test(type) ? `to_json(${column})::VARCHAR` : `${column}::VARCHAR`;
}

/**
 * Reads a CSV, JSON Lines or Parquet file into the temporary table `import_file` through DuckDB's own readers,
 * every value as text, so that the import checks each row set-wise and names its line, instead of DuckDB
 * refusing the whole file at the first value it cannot cast. Runs on the connection the import writes with.
 */
export async function stageFile(sql: SqlRunner, file: string): Promise<StagedFile> {
  const path = resolve(file);
  const format = formatOf(path);
  let described: { column_name: string; column_type: string }[];
  try {
    described = await sql.query(`DESCRIBE SELECT * FROM ${readerSql(path, format)}`);
  } catch (error) {
    throw new ImportFileError(
      `${file}: cannot read it as ${format}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const columns = described.map((column) => column.column_name);
  const reader = readerSql(path, format, columns);
  const select = described
    .map(({ column_name: name, column_type: type }, i) => `${asText(name, type, format)} AS c${i}`)
    .join(', ');
  try {
    await sql.run(`CREATE OR REPLACE TEMP TABLE ${STAGED} AS SELECT ${select} FROM ${reader}`);
  } catch (error) {
    throw new ImportFileError(
      `${file}: cannot read it as ${format}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const [count] = await sql.query<{ n: number; first: string | null }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS n, CAST(MIN(rowid) AS VARCHAR) AS first FROM ${STAGED}`,
  );
  const offset = format === 'csv' ? 2 : 1;
  return {
    format,
    columns,
    rows: count?.n ?? 0,
    rowIdSql: `(f.rowid - ${BigInt(count?.first ?? 0)})`,
    where: (rowid) => (format === 'parquet' ? `row ${rowid + 1}` : `line ${rowid + offset}`),
  };
}
