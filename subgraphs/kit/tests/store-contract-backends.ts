import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSnowflake, type FakeSnowflake } from '../../../tests/fakes/snowflake/index.ts';
import { sophiaEnvFor } from '../../../tests/fakes/snowflake/sophia-env.ts';
import type { Dialect } from '../src/store/sql-database.ts';

/** Every store backend a store's tests run against: embedded DuckDB, and the FAKE Snowflake. */
export const STORE_BACKENDS: readonly Dialect[] = ['duckdb', 'snowflake'];

/**
 * One empty place to keep a store, as the service's environment names it: a fresh data directory, plus (for
 * Snowflake) the variables that put every store on a fresh FAKE Snowflake. Stores open through the same
 * selection the services use (`openStore` with the parsed config), so these tests exercise it too.
 */
export interface StoreBackend {
  readonly dialect: Dialect;
  /** Variables for the service's env parser: SOPHIA_DATA_DIR, and SNOWFLAKE_* for Snowflake. */
  readonly env: Readonly<Record<string, string>>;
  /** The FAKE, for Snowflake: its query history and fault injection. */
  readonly fake?: FakeSnowflake;
  close(): Promise<void>;
}

export async function startStoreBackend(dialect: Dialect): Promise<StoreBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sophia-store-contract-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'duckdb') {
    return { dialect, env: { SOPHIA_DATA_DIR: dataDir }, close: async () => removeDir() };
  }
  const fake = await startFakeSnowflake({ port: 0 });
  return {
    dialect,
    fake,
    // One store per FAKE here, in PUBLIC; stores sharing a FAKE each get their own schema when this is unset.
    env: { SOPHIA_DATA_DIR: dataDir, ...sophiaEnvFor(fake), SNOWFLAKE_SCHEMA: 'PUBLIC' },
    close: async () => {
      await fake.close();
      removeDir();
    },
  };
}
