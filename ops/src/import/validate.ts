import type { SqlRunner } from '@sophia/kit';
import { trimmedSql, type Field } from './fields.ts';
import type { ImportKind, ImportRow, ReferenceSet } from './kind.ts';
import { STAGED, type StagedFile } from './stage-file.ts';

/**
 * The checked rows: `row_id` (the staged row's place in the file), one typed column per field named as the
 * file's column, `readable` (every cell of the row could be read), and `b<i>` (field `i`'s cell could not).
 */
export const CHECKED = 'import_rows';

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const isEmptySql = (cell: string) => `(${cell} IS NULL OR ${trimmedSql(cell)} = '')`;
const isEmpty = (cell: string | null | undefined) =>
  cell === null || cell === undefined || cell.trim() === '';

/** An optional field's value for an empty cell, as SQL. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replace(/'/g, "''")}'`;
}

/** Where each field's cells are in the staged file (by the header, trimmed and in any case), if there. */
function positions(staged: StagedFile, kind: ImportKind<never>): (number | undefined)[] {
  const index = new Map(staged.columns.map((column, i) => [column.trim().toLowerCase(), i]));
  return kind.fields.map((field) => index.get(field.column));
}

/** The problem with one cell the checks refused, worded by the field's own parse. */
function cellProblem(field: Field, cell: string | null): string {
  if (isEmpty(cell)) return `${field.column} is required`;
  const parsed = field.parse(cell!);
  return 'problem' in parsed
    ? `${field.column} ${parsed.problem}`
    : `${field.column} must be ${field.describe}, not ${JSON.stringify(cell)}`;
}

/**
 * Fields whose parse has no SQL twin (periods, times, JSON) are parsed here once per distinct value, and the
 * staged cells are joined to the result: the work grows with the distinct values, not with the rows.
 */
async function stageParsedValues(sql: SqlRunner, field: Field, position: number, i: number): Promise<string> {
  const table = `import_values_${i}`;
  await sql.run(`CREATE OR REPLACE TEMP TABLE ${table} (raw VARCHAR, value VARCHAR)`);
  const distinct = await sql.query<{ raw: string }>(
    `SELECT DISTINCT c${position} AS raw FROM ${STAGED} WHERE NOT ${isEmptySql(`c${position}`)}`,
  );
  await sql.insertRows(
    table,
    distinct.map(({ raw }) => {
      const parsed = field.parse(raw);
      const value = 'value' in parsed ? parsed.value : null;
      return { raw, value: value === null || typeof value === 'string' ? value : JSON.stringify(value) };
    }),
  );
  return table;
}

/**
 * Creates the checked rows from the staged file: each cell typed by its field, or flagged. Three steps, so
 * each cell is trimmed once: the cells (`r<i>`, trimmed `s<i>`), then typed (`t<i>`, empty `e<i>`), then
 * the row as the kind reads it.
 */
async function typeCells(
  sql: SqlRunner,
  staged: StagedFile,
  kind: ImportKind<never>,
  at: (number | undefined)[],
): Promise<void> {
  const cells = [`${staged.rowIdSql} AS row_id`];
  const typed = ['row_id'];
  const row = ['row_id'];
  const flags: string[] = [];
  const joins: string[] = [];
  for (const [i, field] of kind.fields.entries()) {
    const position = at[i];
    const name = identifier(field.column);
    if (position === undefined) {
      // Typed as the column would be (a bare NULL would be an INTEGER), so the writes read it alike.
      const typedNull =
        field.parse.sql?.('CAST(NULL AS VARCHAR)', 'CAST(NULL AS VARCHAR)') ?? 'CAST(NULL AS VARCHAR)';
      row.push(`CASE WHEN true THEN ${literal(field.empty)} ELSE ${typedNull} END AS ${name}`);
      continue;
    }
    let value: string;
    if (field.parse.sql) value = field.parse.sql(`r${i}`, `s${i}`);
    else {
      const values = await stageParsedValues(sql, field, position, i);
      joins.push(`LEFT JOIN ${values} v${i} ON v${i}.raw = f.c${position}`);
      cells.push(`v${i}.value AS v${i}`);
      value = `v${i}`;
    }
    cells.push(`f.c${position} AS r${i}`, `${trimmedSql(`f.c${position}`)} AS s${i}`);
    const empty = `(s${i} IS NULL OR s${i} = '')`;
    typed.push(`${empty} AS e${i}`, `CASE WHEN ${empty} THEN NULL ELSE ${value} END AS t${i}`);
    row.push(
      `CASE WHEN e${i} THEN ${literal(field.empty)} ELSE t${i} END AS ${name}`,
      `CASE WHEN e${i} THEN ${field.required} ELSE t${i} IS NULL END AS b${i}`,
    );
    flags.push(`b${i}`);
  }
  row.push(`${flags.length ? `NOT (${flags.join(' OR ')})` : 'true'} AS readable`);
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE ${CHECKED} AS SELECT ${row.join(', ')} FROM (` +
      `SELECT ${typed.join(', ')} FROM (SELECT ${cells.join(', ')} FROM ${STAGED} f ${joins.join(' ')}))`,
  );
}

interface Located {
  readonly rowId: number;
  readonly problem: string;
}

/** Every cell that could not be read, row by row, in the order of the kind's fields. */
async function unreadableCells(
  sql: SqlRunner,
  staged: StagedFile,
  kind: ImportKind<never>,
  at: (number | undefined)[],
): Promise<Located[]> {
  const present = kind.fields.flatMap((field, i) => (at[i] === undefined ? [] : [{ field, i, c: at[i]! }]));
  if (present.length === 0) return [];
  const rows = await sql.query<Record<string, unknown> & { row_id: number }>(
    `SELECT CAST(r.row_id AS INTEGER) AS row_id, ${present.map(({ i, c }) => `r.b${i}, f.c${c}`).join(', ')}
     FROM ${CHECKED} r JOIN ${STAGED} f ON ${staged.rowIdSql} = r.row_id WHERE NOT r.readable ORDER BY r.row_id`,
  );
  return rows.flatMap((row) =>
    present
      .filter(({ i }) => row[`b${i}`] === true)
      .map(({ field, c }) => ({
        rowId: row.row_id,
        problem: cellProblem(field, row[`c${c}`] as string | null),
      })),
  );
}

/** Rows whose key an earlier row of the file already has. */
async function repeatedKeys(sql: SqlRunner, kind: ImportKind<never>, staged: StagedFile): Promise<Located[]> {
  const keys = kind.key.map(identifier);
  const rows = await sql.query<{ row_id: number; first_id: number; key: string }>(
    `WITH k AS (SELECT row_id, ${keys.join(', ')} FROM ${CHECKED} WHERE readable),
          twice AS (SELECT ${keys.join(', ')} FROM k GROUP BY ${keys.join(', ')} HAVING COUNT(*) > 1)
     SELECT CAST(row_id AS INTEGER) AS row_id, CAST(first_id AS INTEGER) AS first_id, key FROM (
       SELECT row_id, first_value(row_id) OVER (PARTITION BY ${keys.join(', ')} ORDER BY row_id) AS first_id,
         concat_ws(' ', ${keys.map((key) => `CAST(${key} AS VARCHAR)`).join(', ')}) AS key
       FROM k SEMI JOIN twice USING (${keys.join(', ')}))
     WHERE row_id <> first_id ORDER BY row_id`,
  );
  return rows.map((row) => ({
    rowId: row.row_id,
    problem: `the same ${kind.name} as ${staged.where(row.first_id)} (${row.key})`,
  }));
}

/** Readable rows whose reference names an id neither known (`known`: an SQL relation of `id`) nor in the file. */
async function unknownReferences(
  sql: SqlRunner,
  kind: ImportKind<never>,
  reference: NonNullable<ImportKind['references']>[number],
  known: string,
  staged: StagedFile,
): Promise<string[]> {
  const column = identifier(reference.column);
  const inFile =
    reference.self && kind.defines
      ? ` AND NOT EXISTS (SELECT 1 FROM ${CHECKED} s WHERE s.readable AND s."id" = r.${column})`
      : '';
  const rows = await sql.query<{ row_id: number; value: string }>(
    `SELECT CAST(row_id AS INTEGER) AS row_id, CAST(${column} AS VARCHAR) AS value FROM ${CHECKED} r
     WHERE r.readable AND r.${column} IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM (${known}) k WHERE k.id = r.${column})${inFile}
     ORDER BY row_id`,
  );
  return rows.map(
    (row) =>
      `${staged.where(row.row_id)}: ${reference.column} ${JSON.stringify(row.value)} is no known ` +
      `${reference.to} id (import ${reference.to} first)`,
  );
}

/**
 * Checks a staged file against its kind, set-wise in SQL: required columns present, every cell readable as
 * its column's type, no key twice, every reference known (already imported, or defined in the same file where
 * the kind allows). Leaves the typed rows in `import_rows` for the write. Returns every problem, each naming
 * its line (or row) and column: one run lists them all. `known` gives each reference set as an SQL relation.
 */
export async function validate(
  sql: SqlRunner,
  staged: StagedFile,
  kind: ImportKind<never>,
  known: ReadonlyMap<ReferenceSet, string>,
  onStep: (done: number, steps: number) => void = () => {},
): Promise<string[]> {
  const references = kind.references ?? [];
  const steps = 3 + references.length;
  const at = positions(staged, kind);
  const problems: string[] = [];
  const missing = kind.fields.filter((field, i) => field.required && at[i] === undefined);
  if (missing.length > 0) {
    problems.push(
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map((field) => field.column).join(', ')} ` +
        `(a ${kind.name} file has ${kind.fields.map((field) => field.column).join(', ')})`,
    );
  }
  await typeCells(sql, staged, kind, at);
  onStep(1, steps);
  const located = await unreadableCells(sql, staged, kind, at);
  onStep(2, steps);
  // A missing column does not hide the file's other problems: the columns there are checked all the same.
  const has = (column: string) => at[kind.fields.findIndex((field) => field.column === column)] !== undefined;
  if (kind.key.every(has)) located.push(...(await repeatedKeys(sql, kind, staged)));
  onStep(3, steps);
  located.sort((a, b) => a.rowId - b.rowId);
  problems.push(...located.map(({ rowId, problem }) => `${staged.where(rowId)}: ${problem}`));
  for (const [i, reference] of references.entries()) {
    if (has(reference.column)) {
      const relation = known.get(reference.to) ?? 'SELECT NULL AS id WHERE false';
      problems.push(...(await unknownReferences(sql, kind, reference, relation, staged)));
    }
    onStep(4 + i, steps);
  }
  return problems;
}

/** The checked rows as JavaScript values, in file order, for kinds written through their `write`. */
export async function readRows(
  sql: SqlRunner,
  staged: StagedFile,
  kind: ImportKind<never>,
): Promise<ImportRow[]> {
  const at = positions(staged, kind);
  const cells = await sql.query<Record<string, string | null> & { row_id: number }>(
    `SELECT CAST(${staged.rowIdSql} AS INTEGER) AS row_id, * FROM ${STAGED} f ORDER BY f.rowid`,
  );
  return cells.map((row) => {
    const values: Record<string, unknown> = {};
    for (const [i, field] of kind.fields.entries()) {
      const cell = at[i] === undefined ? null : row[`c${at[i]}`];
      const parsed = isEmpty(cell) ? null : field.parse(cell!);
      values[field.column] = parsed && 'value' in parsed ? parsed.value : field.empty;
    }
    return { values, where: staged.where(row.row_id) };
  });
}
