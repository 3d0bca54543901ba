import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDb, openStore, type SqlRunner } from '@sophia/kit';
import { generateCompany } from '../src/demo-data/index.ts';
import { DEMO_STORES } from '../src/seed/demo-stores.ts';

/**
 * A store written by Sophia's first release (tables created from that release's statements, kept in
 * fixtures/release-1, filled with the demo company) opened by this release: migrated in place, every row kept.
 */
const ANCHOR = '2026-11-24';
const company = generateCompany({ anchor: ANCHOR });
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const fixtureStatements = (name: string): string[] =>
  readFileSync(new URL(`./fixtures/release-1/${name}.sql`, import.meta.url), 'utf8')
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^--.*$/gm, '').trim())
    .filter(Boolean);

/** Every row of every table but the bookkeeping ones, in a stable order. */
async function snapshot(sql: SqlRunner): Promise<Record<string, unknown[]>> {
  const tables = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_name NOT LIKE 'sophia_%' ORDER BY table_name`,
  );
  const rows: Record<string, unknown[]> = {};
  for (const { name } of tables) rows[name] = await sql.query(`SELECT * FROM ${name} ORDER BY ALL`);
  return rows;
}

/** Chat had no demo rows: a conversation as the first release wrote one. */
async function chatRows(tx: SqlRunner): Promise<void> {
  await tx.run(
    `INSERT INTO conversations VALUES ('cnv_1', 'usr_001', 'Bookings?', '2026-11-24 09:00:00', '2026-11-24 09:00:02')`,
  );
  await tx.run(`INSERT INTO messages VALUES
    ('msg_1', 'cnv_1', 'USER', 'How are bookings?', 'COMPLETE', '[]', '2026-11-24 09:00:01'),
    ('msg_2', 'cnv_1', 'ASSISTANT', 'Up 12%.', 'COMPLETE', '[{"__typename":"Metric","id":"bookings"}]', '2026-11-24 09:00:02')`);
}

describe('stores written by the first release', () => {
  for (const demo of DEMO_STORES) {
    it(`${demo.store.name}: upgrades in place with every row kept and its demo clock`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), `sophia-upgrade-${demo.store.name}-`));
      dirs.push(dataDir);
      const legacy = await DuckDb.open(dataDir, demo.store.file);
      await legacy.transaction(async (tx) => {
        for (const statement of fixtureStatements(demo.store.name)) await tx.run(statement);
        if (demo.store.name === 'chat') await chatRows(tx);
        else await demo.load(tx, () => company, 'duckdb');
      });
      const before = await snapshot(legacy);
      await legacy.close();
      expect(Object.values(before).some((rows) => rows.length > 0)).toBe(true);

      const opened = await openStore({ ...demo.store, dataDir });
      try {
        expect(opened.migrated).toEqual(demo.store.migrations.slice(1).map((migration) => migration.version));
        expect(opened.meta).toMatchObject({ data: 'demo', demo_anchor: ANCHOR });
        expect(opened.clock.today()).toBe(ANCHOR);
        const after = await snapshot(opened.db);
        for (const [table, rows] of Object.entries(before)) {
          // A later migration may add a column (NULL or its default in old rows): every earlier value is kept.
          const columns = Object.keys(rows[0] ?? {});
          const kept = after[table]?.map((row) =>
            Object.fromEntries(columns.map((column) => [column, (row as Record<string, unknown>)[column]])),
          );
          expect(kept, table).toEqual(rows);
        }
        const recorded = await opened.db.query<{ version: number }>(
          'SELECT version FROM sophia_migrations ORDER BY version',
        );
        expect(recorded.map((row) => row.version)).toEqual(demo.store.migrations.map((m) => m.version));
      } finally {
        await opened.db.close();
      }
    });
  }
});
