import { resolve } from 'node:path';
import {
  openStore,
  systemClock,
  writeMeta,
  type Clock,
  type StoreDefinition,
  type SqlRunner,
} from '@sophia/kit';
import type { ImportKind } from './kind.ts';
import { IMPORT_KINDS, kindNamed } from './kinds/index.ts';
import { createProgress, type ProgressOutput } from './progress.ts';
import { ImportFileError, readTable } from './read-table.ts';
import { knownIds } from './references.ts';
import { validate } from './validate.ts';

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

/** Records written per statement batch (progress advances per batch). */
const BATCH = 5_000;

const silent: ProgressOutput = { isTTY: false, write: () => true };

/**
 * `npm run import -- <kind> <file>`: reads the file, validates every row (listing every problem with its line),
 * and, when it is clean and not a dry run, upserts it into its subgraph's store by the source's own ids in one
 * transaction: all of the file or none of it. Runs on the store files directly, with the services stopped.
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
  const table = await readTable(options.file);
  const known = await knownIds(
    dataDir,
    (kind.references ?? []).map((reference) => reference.to),
  );
  const checking = createProgress(`Checking ${kind.name}`, table.rows.length, out);
  const { rows, problems } = validate(table, kind, known, () => checking.advance());
  checking.done();
  if (problems.length > 0 || options.dryRun) {
    return { kind: kind.name, rows: table.rows.length, problems, written: false };
  }
  const records = kind.toRecords(rows);
  const clock = options.clock ?? systemClock;
  await writeAll(
    kind.store,
    dataDir,
    records,
    kind.write,
    createProgress(`Writing ${kind.name}`, records.length, out),
    clock,
  );
  if (kind.alsoWrite) {
    const { store, write } = kind.alsoWrite;
    await writeAll(
      store,
      dataDir,
      records,
      write,
      createProgress(`Writing ${kind.name} to ${store.name}`, records.length, out),
      clock,
    );
  }
  return { kind: kind.name, rows: table.rows.length, problems: [], written: true };
}

async function writeAll<R>(
  store: StoreDefinition,
  dataDir: string,
  records: readonly R[],
  write: ImportKind<R>['write'],
  progress: ReturnType<typeof createProgress>,
  clock: Clock,
): Promise<void> {
  const { db, meta } = await openStore({ ...store, dataDir });
  try {
    if (meta['data'] === 'demo') {
      throw new ImportFileError(
        `${db.location} holds the demo company; import a company's own data into an empty data dir ` +
          '(SOPHIA_ENV=production starts one empty, or point SOPHIA_DATA_DIR at a new directory).',
      );
    }
    await db.transaction(async (tx: SqlRunner) => {
      for (let start = 0; start < records.length; start += BATCH) {
        const batch = records.slice(start, start + BATCH);
        await write(tx, batch);
        progress.advance(batch.length);
      }
      await writeMeta(tx, { data: 'imported', imported_at: clock.now().toISOString() });
    });
    progress.done();
  } finally {
    await db.close();
  }
}
