import { openStore, type SnowflakeEnv, type SqlRunner, type StoreDefinition } from '@sophia/kit';
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

/** Where the stores an import reads its known ids from are. */
export interface IdSources {
  readonly dataDir: string;
  /** SNOWFLAKE_ACCOUNT there: every store is on Snowflake. */
  readonly snowflake?: SnowflakeEnv | undefined;
  /**
   * The kind's own store, as the import's write transaction sees it, when the checks run elsewhere (a file
   * imported into Snowflake is checked in a private DuckDB). Without it the checks run on that store's own
   * connection, and its sets are read in place.
   */
  readonly own?: SqlRunner | undefined;
}

/**
 * The ids a kind's rows may point at, each set as an SQL relation (one column `id`) on `sql`, the connection
 * the import checks on: a set in the kind's own store is read in place where the checks run on it; any other
 * is copied into a temporary table first (directories and account lists, not facts, so the copy is small).
 */
export async function knownIds(
  sql: SqlRunner,
  kind: ImportKind<never>,
  sources: IdSources,
): Promise<Map<ReferenceSet, string>> {
  const known = new Map<ReferenceSet, string>();
  for (const set of new Set((kind.references ?? []).map((reference) => reference.to))) {
    const source = SOURCES[set];
    const ownStore = source.store.file === kind.store.file;
    if (ownStore && !sources.own) {
      known.set(set, source.sql);
      continue;
    }
    const ids =
      ownStore && sources.own
        ? await sources.own.query<{ id: string }>(source.sql)
        : await readIds(source.store, source.sql, sources);
    const table = `import_known_${set}`;
    await sql.run(`CREATE OR REPLACE TEMP TABLE ${table} (id VARCHAR)`);
    await sql.insertRows(table, ids);
    known.set(set, `SELECT id FROM ${table}`);
  }
  return known;
}

async function readIds(store: StoreDefinition, sql: string, sources: IdSources): Promise<{ id: string }[]> {
  const { dataDir, snowflake } = sources;
  const opened = await openStore({ ...store, dataDir, ...(snowflake && { snowflake }) });
  try {
    return await opened.db.query<{ id: string }>(sql);
  } finally {
    await opened.db.close();
  }
}
