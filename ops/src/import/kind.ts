import type { Dialect, SqlRunner, StoreDefinition } from '@sophia/kit';
import type { Field } from './fields.ts';

/** Sets of ids another file must already have brought in, so a row can point at them. */
export type ReferenceSet = 'people' | 'teams' | 'accounts' | 'deals' | 'projects' | 'objectives' | 'metrics';

/** One validated row: its values by column, and where it came from. */
export interface ImportRow {
  readonly values: Readonly<Record<string, unknown>>;
  readonly where: string;
}

/**
 * What one `npm run import -- <kind> <file>` loads: the columns it reads, what they must point at, and how the
 * rows are written to their subgraph's store (by the source's own ids, so importing again changes nothing).
 */
export interface ImportKind<R = unknown> {
  readonly name: string;
  readonly summary: string;
  readonly store: StoreDefinition;
  readonly fields: readonly Field[];
  /** The columns holding the row's own id(s) in the source; two rows with the same key in one file are refused. */
  readonly key: readonly string[];
  /** Columns that must name an id known to Sophia (or defined in the same file, for `self`). */
  readonly references?: readonly {
    readonly column: string;
    readonly to: ReferenceSet;
    readonly self?: boolean;
  }[];
  /** This kind's own reference set: ids in the file count as known to its `self` references. */
  readonly defines?: ReferenceSet;
  /** The validated rows as the records the store writes take (grouped by parent where children are replaced). */
  readonly toRecords: (rows: readonly ImportRow[]) => R[];
  /** Writes a batch of records through the store's own writes, in the store's dialect. */
  readonly write: (tx: SqlRunner, records: readonly R[], dialect: Dialect) => Promise<void>;
  /**
   * The set-wise write, for kinds a company may have millions of rows of: upserts `rows` (an SQL relation of
   * all the checked rows: one typed column per field, named as the file's columns, and `row_id`, the row's
   * place in the file) through the store's bulk API, without bringing the rows into JavaScript. Kinds without
   * it are written through `write`.
   */
  readonly upsertStaged?: (tx: SqlRunner, dialect: Dialect, rows: string) => Promise<void>;
  /** A second store that keeps a copy (memory's directory of who is on which team), written after the first. */
  readonly alsoWrite?: {
    readonly store: StoreDefinition;
    readonly write: (tx: SqlRunner, records: readonly R[], dialect: Dialect) => Promise<void>;
  };
}

/** Groups rows by a parent column, keeping file order within each parent. */
export function groupBy<T>(items: readonly T[], parentOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const parent = parentOf(item);
    const group = groups.get(parent);
    if (group) group.push(item);
    else groups.set(parent, [item]);
  }
  return groups;
}

export const defineKind = <R>(kind: ImportKind<R>): ImportKind<R> => kind;
