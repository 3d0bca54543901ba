import { basename, resolve } from 'node:path';
import {
  openStore,
  systemClock,
  writeMeta,
  type Clock,
  type Dialect,
  type SqlRunner,
  type StoreDefinition,
} from '@sophia/kit';
import type { ImportKind } from './kind.ts';
import { IMPORT_KINDS, kindNamed } from './kinds/index.ts';
import { createProgress, type Progress, type ProgressOutput } from './progress.ts';
import { knownIds } from './references.ts';
import { ImportFileError, stageFile } from './stage-file.ts';
import { CHECKED, readRows, validate } from './validate.ts';

export interface ImportOptions {
  readonly dataDir: string;
  readonly kind: string;
  readonly file: string;
  /** Validate only; write nothing. */
  readonly dryRun?: boolean;
  /** Where progress goes. @default nowhere */
  readonly progress?: ProgressOutput;
  /** @default real time */
  readonly clock?: Clock;
}

export interface ImportResult {
  readonly kind: string;
  readonly rows: number;
  /** Every problem found; when there is any, nothing was written. */
  readonly problems: readonly string[];
  readonly written: boolean;
}

/** Records per `write` call for kinds written through JavaScript. */
const BATCH = 5_000;

const silent: ProgressOutput = { isTTY: false, write: () => true };

/** Raised inside the store's transaction to roll it back when the file is refused or only checked. */
class NotWritten extends Error {
  constructor(readonly result: ImportResult) {
    super('not written');
  }
}

/**
 * `npm run import -- <kind> <file>`: reads the file into a staging table through DuckDB's own readers, checks
 * every row set-wise in SQL (listing every problem with its line), and, when it is clean and not a dry run,
 * upserts it into its subgraph's store by the source's own ids, in the same transaction: all of the file or
 * none of it. Runs on the store files directly, with the services stopped.
 */
export async function importFile(options: ImportOptions): Promise<ImportResult> {
  const kind = kindNamed(options.kind);
  if (!kind) {
    throw new ImportFileError(
      `Unknown kind ${JSON.stringify(options.kind)}; one of: ${IMPORT_KINDS.map((k) => k.name).join(', ')}.`,
    );
  }
  const out = options.progress ?? silent;
  const dataDir = resolve(options.dataDir);
  const clock = options.clock ?? systemClock;
  const { db, meta } = await openStore({ ...kind.store, dataDir });
  let alsoRecords: never[] = [];
  try {
    const result = await db.transaction(async (tx) => {
      const reading = createProgress(`Reading ${basename(options.file)}`, 0, out);
      const staged = await stageFile(tx, options.file);
      reading.done(staged.rows);
      const checking = createProgress(`Checking ${kind.name}`, staged.rows, out);
      let checked = 0;
      const problems = await validate(tx, staged, kind, await knownIds(tx, dataDir, kind), (done, steps) => {
        const upTo = Math.floor((staged.rows * done) / steps);
        checking.advance(upTo - checked);
        checked = upTo;
      });
      checking.done();
      const outcome = { kind: kind.name, rows: staged.rows, problems, written: false };
      if (problems.length > 0 || options.dryRun) throw new NotWritten(outcome);
      refuseDemo(meta, db.location);
      if (kind.upsertStaged) {
        const writing = createProgress(`Writing ${kind.name}`, staged.rows, out);
        await writeStaged(tx, db.dialect, kind.upsertStaged, writing);
      }
      if (!kind.upsertStaged || kind.alsoWrite) {
        const records = kind.toRecords(await readRows(tx, staged, kind));
        if (!kind.upsertStaged) {
          const writing = createProgress(`Writing ${kind.name}`, records.length, out);
          await writeRecords(tx, records, kind.write, writing);
        }
        alsoRecords = records;
      }
      await writeMeta(tx, { data: 'imported', imported_at: clock.now().toISOString() });
      return { ...outcome, written: true };
    });
    if (kind.alsoWrite) {
      const { store, write } = kind.alsoWrite;
      await writeOtherStore(store, dataDir, alsoRecords, write, clock, out, kind);
    }
    return result;
  } catch (error) {
    if (error instanceof NotWritten) return error.result;
    throw error;
  } finally {
    await db.close();
  }
}

function refuseDemo(meta: Readonly<Record<string, string>>, location: string): void {
  if (meta['data'] === 'demo') {
    throw new ImportFileError(
      `${location} holds the demo company; import a company's own data into an empty data dir ` +
        '(SOPHIA_ENV=production starts one empty, or point SOPHIA_DATA_DIR at a new directory).',
    );
  }
}

/**
 * Writes the checked rows set-wise, without them leaving the database: one statement for the whole file, so
 * a kind that replaces children (a deal's stage history) sees all of a parent's rows at once, and because one
 * statement of 1,000,000 rows took two thirds of the time of ten of 100,000.
 */
async function writeStaged(
  tx: SqlRunner,
  dialect: Dialect,
  upsert: NonNullable<ImportKind['upsertStaged']>,
  progress: Progress,
): Promise<void> {
  await upsert(tx, dialect, CHECKED);
  progress.done();
}

async function writeRecords<R>(
  tx: SqlRunner,
  records: readonly R[],
  write: ImportKind<R>['write'],
  progress: Progress,
): Promise<void> {
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    await write(tx, batch);
    progress.advance(batch.length);
  }
  progress.done();
}

/** A kind's copy in a second store (memory's directory of people), written once the first store committed. */
async function writeOtherStore<R>(
  store: StoreDefinition,
  dataDir: string,
  records: readonly R[],
  write: ImportKind<R>['write'],
  clock: Clock,
  out: ProgressOutput,
  kind: ImportKind<never>,
): Promise<void> {
  const { db, meta } = await openStore({ ...store, dataDir });
  try {
    refuseDemo(meta, db.location);
    await db.transaction(async (tx) => {
      const progress = createProgress(`Writing ${kind.name} to ${store.name}`, records.length, out);
      await writeRecords(tx, records, write, progress);
      await writeMeta(tx, { data: 'imported', imported_at: clock.now().toISOString() });
    });
  } finally {
    await db.close();
  }
}
