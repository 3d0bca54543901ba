import {
  openStore,
  writeMeta,
  type Clock,
  type Dialect,
  type SnowflakeEnv,
  type SqlRunner,
} from '@sophia/kit';
import type { ImportResult } from './import-options.ts';
import type { ImportKind } from './kind.ts';
import { createProgress, type Progress, type ProgressOutput } from './progress.ts';
import { ImportFileError } from './stage-file.ts';

/** Records per `write` call for kinds written through JavaScript. */
const BATCH = 5_000;

export const silent: ProgressOutput = { isTTY: false, write: () => true };

/** Raised inside the store's transaction to roll it back when the file is refused or only checked. */
export class NotWritten extends Error {
  constructor(readonly result: ImportResult) {
    super('not written');
  }
}

export function refuseDemo(meta: Readonly<Record<string, string>>, location: string): void {
  if (meta['data'] === 'demo') {
    throw new ImportFileError(
      `${location} holds the demo company; import a company's own data into an empty data dir ` +
        '(SOPHIA_ENV=production starts one empty, or point SOPHIA_DATA_DIR at a new directory).',
    );
  }
}

/** Writes records through the kind's store writes, a batch at a time. */
export async function writeRecords<R>(
  tx: SqlRunner,
  dialect: Dialect,
  records: readonly R[],
  write: ImportKind<R>['write'],
  progress: Progress,
): Promise<void> {
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    await write(tx, batch, dialect);
    progress.advance(batch.length);
  }
  progress.done();
}

/** A kind's copy in a second store (memory's directory of people), written once the first store committed. */
export async function writeOtherStore<R>(
  kind: ImportKind<R>,
  records: readonly R[],
  where: { readonly dataDir: string; readonly snowflake?: SnowflakeEnv | undefined },
  clock: Clock,
  out: ProgressOutput,
): Promise<void> {
  if (!kind.alsoWrite) return;
  const { store, write } = kind.alsoWrite;
  const { dataDir, snowflake } = where;
  const { db, meta } = await openStore({ ...store, dataDir, ...(snowflake && { snowflake }) });
  try {
    refuseDemo(meta, db.location);
    await db.transaction(async (tx) => {
      const progress = createProgress(`Writing ${kind.name} to ${store.name}`, records.length, out);
      await writeRecords(tx, db.dialect, records, write, progress);
      await writeMeta(tx, { data: 'imported', imported_at: clock.now().toISOString() });
    });
  } finally {
    await db.close();
  }
}
