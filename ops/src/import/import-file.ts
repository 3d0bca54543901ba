import { resolve } from 'node:path';
import { openStore, systemClock } from '@sophia/kit';
import type { ImportOptions, ImportResult } from './import-options.ts';
import { importIntoWarehouse } from './import-warehouse.ts';
import { IMPORT_KINDS, kindNamed } from './kinds/index.ts';
import { loadFile } from './load-file.ts';
import { ImportFileError } from './stage-file.ts';
import { CHECKED } from './validate.ts';
import { NotWritten, silent, writeOtherStore } from './write-steps.ts';

export type { ImportOptions, ImportResult } from './import-options.ts';

/**
 * `npm run import -- <kind> <file>`: reads the file into a staging table through DuckDB's own readers, checks
 * every row set-wise in SQL (listing every problem with its line), and, when it is clean and not a dry run,
 * upserts it into its subgraph's store by the source's own ids, in the same transaction: all of the file or
 * none of it. On the embedded stores it runs on the store files directly, with the services stopped; on
 * Snowflake (SNOWFLAKE_ACCOUNT set) see `importIntoWarehouse`.
 */
export async function importFile(options: ImportOptions): Promise<ImportResult> {
  const kind = kindNamed(options.kind);
  if (!kind) {
    throw new ImportFileError(
      `Unknown kind ${JSON.stringify(options.kind)}; one of: ${IMPORT_KINDS.map((k) => k.name).join(', ')}.`,
    );
  }
  if (options.snowflake?.SNOWFLAKE_ACCOUNT) return importIntoWarehouse(kind, options);
  const dataDir = resolve(options.dataDir);
  // An import checks and writes whole files set-wise: every core helps.
  const { db, meta } = await openStore({ ...kind.store, dataDir, duckdbThreads: 'all' });
  try {
    // The file is staged and checked on the store's own connection, and written from there set-wise: one
    // statement for the whole file, so a kind that replaces children (a deal's stage history) sees all of a
    // parent's rows at once, and because one statement of 1,000,000 rows took two thirds of the time of ten
    // of 100,000.
    const { result, records } = await db.transaction((tx) =>
      loadFile(kind, options, {
        checks: tx,
        tx,
        dialect: db.dialect,
        meta,
        location: db.location,
        sources: { dataDir },
        writeStaged: (upsert) => upsert(tx, db.dialect, CHECKED),
      }),
    );
    const clock = options.clock ?? systemClock;
    await writeOtherStore(kind, records, { dataDir }, clock, options.progress ?? silent);
    return result;
  } catch (error) {
    if (error instanceof NotWritten) return error.result;
    throw error;
  } finally {
    await db.close();
  }
}
