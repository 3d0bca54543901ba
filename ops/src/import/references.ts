import { openStore, type StoreDefinition } from '@sophia/kit';
import { KPI_STORE } from '@sophia/kpi/store';
import { PROJECT_STORE } from '@sophia/project/store';
import { SALES_STORE } from '@sophia/sales/store';
import type { ReferenceSet } from './kind.ts';

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

/** The ids already in the stores under `dataDir`, for each set a file's rows point at. */
export async function knownIds(
  dataDir: string,
  sets: readonly ReferenceSet[],
): Promise<Map<ReferenceSet, Set<string>>> {
  const known = new Map<ReferenceSet, Set<string>>();
  for (const set of new Set(sets)) {
    const { store, sql } = SOURCES[set];
    const opened = await openStore({ ...store, dataDir });
    try {
      known.set(set, new Set((await opened.db.query<{ id: string }>(sql)).map((row) => row.id)));
    } finally {
      await opened.db.close();
    }
  }
  return known;
}
