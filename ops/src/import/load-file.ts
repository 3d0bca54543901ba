import { systemClock, writeMeta, type Dialect, type SqlRunner } from '@sophia/kit';
import { checkFile } from './check-file.ts';
import type { ImportOptions, ImportResult } from './import-options.ts';
import type { ImportKind } from './kind.ts';
import { createProgress, type Progress } from './progress.ts';
import type { IdSources } from './references.ts';
import { readRows } from './validate.ts';
import { NotWritten, refuseDemo, silent, writeRecords } from './write-steps.ts';

/** Where one file is checked and written: the two connections of an import's transaction. */
export interface LoadTarget {
  /** A DuckDB connection in a transaction, where the file is staged and checked. */
  readonly checks: SqlRunner;
  /** The kind's store, in the transaction the file is written in (the same connection as `checks` on DuckDB). */
  readonly tx: SqlRunner;
  readonly dialect: Dialect;
  readonly meta: Readonly<Record<string, string>>;
  readonly location: string;
  readonly sources: IdSources;
  /** Writes the checked rows of a kind with a set-wise upsert, in one statement. */
  readonly writeStaged: (
    upsert: NonNullable<ImportKind['upsertStaged']>,
    rows: number,
    progress: Progress,
  ) => Promise<void>;
}

/**
 * Checks a file and, when it is clean and not a dry run, writes it through `target`; refuses it otherwise by
 * throwing `NotWritten`, which rolls the caller's transaction back. Returns the records a second store
 * (memory's directory) takes once this transaction has committed.
 */
export async function loadFile(
  kind: ImportKind<never>,
  options: ImportOptions,
  target: LoadTarget,
): Promise<{ readonly result: ImportResult; readonly records: never[] }> {
  const out = options.progress ?? silent;
  const { checks, tx, dialect } = target;
  const { staged, problems } = await checkFile(checks, options.file, kind, target.sources, out);
  const outcome = { kind: kind.name, rows: staged.rows, problems, written: false };
  if (problems.length > 0 || options.dryRun) throw new NotWritten(outcome);
  refuseDemo(target.meta, target.location);
  if (kind.upsertStaged) {
    const writing = createProgress(`Writing ${kind.name}`, staged.rows, out);
    await target.writeStaged(kind.upsertStaged, staged.rows, writing);
    writing.done();
  }
  let records: never[] = [];
  if (!kind.upsertStaged || kind.alsoWrite) {
    records = kind.toRecords(await readRows(checks, staged, kind));
    if (!kind.upsertStaged) {
      const writing = createProgress(`Writing ${kind.name}`, records.length, out);
      await writeRecords(tx, dialect, records, kind.write, writing);
    }
  }
  const clock = options.clock ?? systemClock;
  await writeMeta(tx, { data: 'imported', imported_at: clock.now().toISOString() });
  return { result: { ...outcome, written: true }, records };
}
