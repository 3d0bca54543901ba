import { extname } from 'node:path';
import { DuckDb } from '@sophia/kit';

export type FileFormat = 'csv' | 'jsonl' | 'parquet';

/** A file's rows as text (null where empty), in file order, with where each row sits in the file. */
export interface RawTable {
  readonly format: FileFormat;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
  /** Where row `index` (0-based) is, for messages: `line 38` (CSV, JSON Lines) or `row 37` (Parquet). */
  where(index: number): string;
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

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function readerSql(path: string, format: FileFormat): string {
  if (format === 'csv')
    return `read_csv(${quote(path)}, header = true, all_varchar = true, auto_detect = true)`;
  if (format === 'jsonl') return `read_json(${quote(path)}, format = 'newline_delimited')`;
  return `read_parquet(${quote(path)})`;
}

/**
 * Reads a CSV, JSON Lines or Parquet file through DuckDB. Every value comes back as text (JSON values as their
 * JSON), so that each row is validated here with its line number instead of DuckDB refusing the whole file on
 * the first value it cannot cast.
 */
export async function readTable(path: string): Promise<RawTable> {
  const format = formatOf(path);
  const db = await DuckDb.open('.', ':memory:');
  try {
    const reader = readerSql(path, format);
    let described: { column_name: string; column_type: string }[];
    try {
      described = await db.query(`DESCRIBE SELECT * FROM ${reader}`);
    } catch (error) {
      throw new ImportFileError(
        `${path}: cannot read it as ${format}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    const columns = described.map((column) => column.column_name);
    const asText = described.map(({ column_name: name, column_type: type }) => {
      const column = `"${name.replace(/"/g, '""')}"`;
      return type === 'VARCHAR'
        ? column
        : `CASE WHEN ${column} IS NULL THEN NULL ELSE to_json(${column})::VARCHAR END`;
    });
    const rows = await db.query<Record<string, string | null>>(
      `SELECT ${asText.map((sql, i) => `${sql} AS c${i}`).join(', ')} FROM ${reader}`,
    );
    const values = rows.map((row) => columns.map((_, i) => row[`c${i}`] ?? null));
    const offset = format === 'csv' ? 2 : 1;
    return {
      format,
      columns,
      rows: values,
      where: (index) => (format === 'parquet' ? `row ${index + 1}` : `line ${index + offset}`),
    };
  } finally {
    await db.close();
  }
}
