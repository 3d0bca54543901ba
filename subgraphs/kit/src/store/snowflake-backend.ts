import { snowflakeOptions } from '../snowflake/env.ts';
import type { SnowflakeEnv } from '../snowflake/env-shape.ts';
import type { SqlDatabase } from './sql-database.ts';

/**
 * The one place a store's backend is chosen: Snowflake when the service's config names SNOWFLAKE_ACCOUNT
 * (refusing, with every problem listed, a config that cannot log in), otherwise none, meaning the embedded
 * DuckDB file. snowflake-sdk is loaded only when it is needed: it is slow to load.
 */
export function snowflakeBackend(
  store: string,
  config: SnowflakeEnv,
): (() => Promise<SqlDatabase>) | undefined {
  const options = snowflakeOptions(store, config);
  if (!options) return undefined;
  return async () => {
    const { SnowflakeDatabase } = await import('./snowflake-database.ts');
    return SnowflakeDatabase.open(options);
  };
}
