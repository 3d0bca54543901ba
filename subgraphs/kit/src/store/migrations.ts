import { StorageError, type SqlRunner } from '../duckdb.ts';
import type { Dialect, SqlDatabase } from './sql-database.ts';

/**
 * One numbered, forward-only step of a store's schema. Versions start at 1 and never change once released;
 * a change is a new migration. Statements are given per dialect, so one list serves every backend.
 */
export interface Migration {
  readonly version: number;
  /** What the step does, recorded with it. */
  readonly description: string;
  readonly statements: Readonly<Partial<Record<Dialect, readonly string[]>>>;
}

/** Applied migrations are recorded here, one row each. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS sophia_migrations (
  version INTEGER PRIMARY KEY,
  description VARCHAR NOT NULL,
  applied_at TIMESTAMP NOT NULL)`;

export const META_TABLE =
  'CREATE TABLE IF NOT EXISTS sophia_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)';

/** Refuses a list with gaps, repeats or a version below 1: the numbering is what keeps upgrades in order. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new StorageError(
        `Migration "${migration.description}" is numbered ${migration.version}; expected ${index + 1}.`,
      );
    }
  });
}

/**
 * Applies the migrations the store has not recorded, in order, in one transaction with their records: a
 * failure leaves the store as it was. A store written before migrations were recorded (it has `sophia_meta`
 * with `schema_version` 1 but no `sophia_migrations`) already holds migration 1's tables; it is adopted as
 * at version 1 and its demo anchor recorded under the name this release reads.
 * @returns the versions applied now.
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[]): Promise<number[]> {
  checkMigrations(migrations);
  // Before the transaction: DDL ends an open transaction on Snowflake, which would leave the steps below
  // outside one. Both statements are idempotent.
  await db.run(META_TABLE);
  await db.run(MIGRATIONS_TABLE);
  return db.transaction(async (tx) => {
    await adoptUnrecordedStore(tx, migrations);
    const rows = await tx.query<{ version: number }>('SELECT version FROM sophia_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...applied);
    if (newest > migrations.length) {
      throw new StorageError(
        `${db.location} is at schema version ${newest}; this build knows ${migrations.length}. ` +
          'Run the newer release, or restore a backup made for this one.',
      );
    }
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      const statements = migration.statements[db.dialect];
      if (!statements) {
        throw new StorageError(
          `Migration ${migration.version} (${migration.description}) has no ${db.dialect} statements.`,
        );
      }
      for (const statement of statements) await tx.run(statement);
      await tx.run('INSERT INTO sophia_migrations (version, description, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.description,
        new Date().toISOString(),
      ]);
      done.push(migration.version);
    }
    return done;
  });
}

async function adoptUnrecordedStore(tx: SqlRunner, migrations: readonly Migration[]): Promise<void> {
  const [recorded] = await tx.query<{ count: number }>(
    'SELECT CAST(COUNT(*) AS INTEGER) AS count FROM sophia_migrations',
  );
  if ((recorded?.count ?? 0) > 0) return;
  const [legacy] = await tx.query<{ value: string }>(
    "SELECT value FROM sophia_meta WHERE key = 'schema_version'",
  );
  if (!legacy) return;
  const first = migrations[0];
  if (legacy.value !== '1' || !first) {
    throw new StorageError(`Unknown store schema version ${legacy.value}; it cannot be upgraded in place.`);
  }
  await tx.run('INSERT INTO sophia_migrations (version, description, applied_at) VALUES (?, ?, ?)', [
    1,
    `${first.description} (adopted from a store written before migrations were recorded)`,
    new Date().toISOString(),
  ]);
  await tx.run("DELETE FROM sophia_meta WHERE key = 'schema_version'");
  // The first release kept the demo anchor as `anchor` in some stores; `demo_anchor` says what it is.
  await tx.run(
    `INSERT INTO sophia_meta (key, value) SELECT 'demo_anchor', value FROM sophia_meta WHERE key = 'anchor'
       AND NOT EXISTS (SELECT 1 FROM sophia_meta WHERE key = 'demo_anchor')`,
  );
  // Every store of the first release held the demo company (chat: its anchor).
  await tx.run(
    `INSERT INTO sophia_meta (key, value) SELECT 'data', 'demo' FROM sophia_meta WHERE key = 'demo_anchor'`,
  );
  await tx.run("DELETE FROM sophia_meta WHERE key = 'anchor'");
}
