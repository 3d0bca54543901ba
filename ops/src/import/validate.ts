import type { ImportKind, ImportRow, ReferenceSet } from './kind.ts';
import type { RawTable } from './read-table.ts';

export interface Validated {
  readonly rows: ImportRow[];
  /** Every problem in the file, each naming its line (or row) and column. Empty when the file can be loaded. */
  readonly problems: string[];
}

/**
 * Checks a whole file against its kind: required columns present, every cell readable as its column's type,
 * no id twice, every reference known (already imported, or defined in the same file where the kind allows).
 * Problems are collected, not thrown, so one run lists them all.
 */
export function validate(
  table: RawTable,
  kind: ImportKind<never>,
  known: ReadonlyMap<ReferenceSet, ReadonlySet<string>>,
  onRow: () => void = () => {},
): Validated {
  const problems: string[] = [];
  const index = new Map(table.columns.map((column, i) => [column.trim().toLowerCase(), i]));
  const missing = kind.fields.filter((field) => field.required && !index.has(field.column));
  if (missing.length > 0) {
    problems.push(
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map((field) => field.column).join(', ')} ` +
        `(a ${kind.name} file has ${kind.fields.map((field) => field.column).join(', ')})`,
    );
  }
  const rows: ImportRow[] = [];
  const firstSeen = new Map<string, string>();
  table.rows.forEach((cells, i) => {
    const where = table.where(i);
    const values: Record<string, unknown> = {};
    let readable = true;
    for (const field of kind.fields) {
      const position = index.get(field.column);
      if (position === undefined) {
        values[field.column] = field.empty;
        continue;
      }
      const cell = cells[position];
      if (cell === null || cell === undefined || cell.trim() === '') {
        if (field.required) {
          problems.push(`${where}: ${field.column} is required`);
          readable = false;
        }
        values[field.column] = field.empty;
        continue;
      }
      const parsed = field.parse(cell);
      if ('problem' in parsed) {
        problems.push(`${where}: ${field.column} ${parsed.problem}`);
        readable = false;
      } else values[field.column] = parsed.value;
    }
    onRow();
    if (!readable || missing.length > 0) return;
    const key = kind.key(values);
    const earlier = firstSeen.get(key);
    if (earlier) problems.push(`${where}: the same ${kind.name} as ${earlier} (${key})`);
    else firstSeen.set(key, where);
    rows.push({ values, where });
  });
  const inFile = kind.defines ? new Set(rows.map((row) => String(row.values['id']))) : new Set<string>();
  for (const reference of kind.references ?? []) {
    const ids = known.get(reference.to) ?? new Set<string>();
    for (const row of rows) {
      const value = row.values[reference.column];
      if (value === null || value === undefined) continue;
      if (ids.has(String(value)) || (reference.self && inFile.has(String(value)))) continue;
      problems.push(
        `${row.where}: ${reference.column} ${JSON.stringify(value)} is no known ${reference.to} id ` +
          `(import ${reference.to} first)`,
      );
    }
  }
  return { rows, problems };
}
