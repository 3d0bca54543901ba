import { openStore, type SqlRunner, type StoreDefinition } from '@sophia/kit';
import { KPI_STORE } from '@sophia/kpi/store';
import { PROJECT_STORE } from '@sophia/project/store';
import { SALES_STORE } from '@sophia/sales/store';
import type { ImportKind, ReferenceSet } from './kind.ts';

/** Where each set of known ids lives. */
const SOURCES: Record<ReferenceSet, { readonly store: StoreDefinition; readonly sql: string }> = {
  people: { store: PROJECT_STORE, sql: 'SELECT id FROM users' },
  teams: { store: PROJECT_STORE, sql: 'SELECT id FROM teams' },
  projects: { store: PROJECT_STORE, sql: 'SELECT id FROM projects' },
  objectives: { store: PROJECT_STORE, sql: 'SELECT id FROM objectives' },
  accounts: { store: SALES_STORE, sql: 'SELECT id FROM accounts' },
  deals: { store: SALES_STORE, sql: 'SELECT id FROM deals' },
  metrics: { store: KPI_STORE, sql: 'SELECT id FROM metric_definitions' },
};

/**
 * The ids a kind's rows may point at, each set as an SQL relation (one column `id`) on `sql`, the connection
 * the import checks on: a set in the kind's own store is read in place; one in another store is copied into a
 * temporary table first (directories and account lists, not facts, so the copy is small).
 */
export async function knownIds(
  sql: SqlRunner,
  dataDir: string,
  kind: ImportKind<never>,
): Promise<Map<ReferenceSet, string>> {
  const known = new Map<ReferenceSet, string>();
  for (const set of new Set((kind.references ?? []).map((reference) => reference.to))) {
    const source = SOURCES[set];
    if (source.store.file === kind.store.file) {
      known.set(set, source.sql);
      continue;
    }
    const opened = await openStore({ ...source.store, dataDir });
    let ids: { id: string }[];
    try {
      ids = await opened.db.query<{ id: string }>(source.sql);
    } finally {
      await opened.db.close();
    }
    const table = `import_known_${set}`;
    await sql.run(`CREATE OR REPLACE TEMP TABLE ${table} (id VARCHAR)`);
    await sql.insertRows(table, ids);
    known.set(set, `SELECT id FROM ${table}`);
  }
  return known;
}
