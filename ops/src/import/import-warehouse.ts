import { resolve } from 'node:path';
import { DuckDb, openStore, systemClock } from '@sophia/kit';
import type { ImportOptions, ImportResult } from './import-options.ts';
import type { ImportKind } from './kind.ts';
import { loadFile } from './load-file.ts';
import { copyCheckedRows } from './warehouse-rows.ts';
import { NotWritten, silent, writeOtherStore } from './write-steps.ts';

/**
 * `npm run import` into stores on Snowflake: the file is read and checked in a private in-memory DuckDB (the
 * same staging, checks and messages as on the embedded stores), against the ids the Snowflake stores hold
 * (the kind's own store as its write transaction sees it); a clean file is then written in ONE Snowflake
 * transaction: set-wise kinds through a temporary copy of the checked rows and their store's one-statement
 * upsert, the others through their store's writes in the snowflake dialect. All of the file or none of it.
 */
export async function importIntoWarehouse(
  kind: ImportKind<never>,
  options: ImportOptions,
): Promise<ImportResult> {
  const dataDir = resolve(options.dataDir);
  const snowflake = options.snowflake;
  const { db, meta } = await openStore({ ...kind.store, dataDir, ...(snowflake && { snowflake }) });
  try {
    // Staging checks whole files set-wise: every core helps.
    const local = await DuckDb.open(dataDir, ':memory:', { threads: 'all' });
    try {
      // The private DuckDB's transaction holds one connection: its temporary tables live on that connection.
      const { result, records } = await db.transaction((tx) =>
        local.transaction((checks) =>
          loadFile(kind, options, {
            checks,
            tx,
            dialect: db.dialect,
            meta,
            location: db.location,
            sources: { dataDir, snowflake, own: tx },
            writeStaged: async (upsert, rows, progress) =>
              upsert(tx, db.dialect, await copyCheckedRows(checks, tx, kind, rows, progress)),
          }),
        ),
      );
      const clock = options.clock ?? systemClock;
      await writeOtherStore(kind, records, { dataDir, snowflake }, clock, options.progress ?? silent);
      return result;
    } finally {
      await local.close();
    }
  } catch (error) {
    if (error instanceof NotWritten) return error.result;
    throw error;
  } finally {
    await db.close();
  }
}
