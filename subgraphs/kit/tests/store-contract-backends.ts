import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FAKE_PASSWORD,
  FAKE_USER,
  startFakeSnowflake,
  type FakeSnowflake,
} from '../../../tests/fakes/snowflake/index.ts';
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
    env: {
      SOPHIA_DATA_DIR: dataDir,
      SNOWFLAKE_ACCOUNT: 'fakeacct',
      SNOWFLAKE_ACCESS_URL: fake.accessUrl,
      SNOWFLAKE_USER: FAKE_USER,
      SNOWFLAKE_PASSWORD: FAKE_PASSWORD,
      SNOWFLAKE_DATABASE: 'SOPHIA',
      SNOWFLAKE_SCHEMA: 'PUBLIC',
      SNOWFLAKE_WAREHOUSE: 'SOPHIA_WH',
      SNOWFLAKE_POOL_SIZE: '2',
    },
    close: async () => {
      await fake.close();
      removeDir();
    },
  };
}
