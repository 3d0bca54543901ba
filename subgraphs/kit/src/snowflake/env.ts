import { ConfigError } from '../env.ts';
import type { SnowflakeEnv } from './env-shape.ts';

// The variables live in env-shape.ts, which the kit's env.ts spreads into every service's shape.
export { snowflakeEnvShape, type SnowflakeEnv } from './env-shape.ts';

/** What the client needs to connect; built from the parsed config by {@link snowflakeOptions}. */
export interface SnowflakeOptions {
  account: string;
  user: string;
  auth: { password: string } | { privateKeyPath: string; passphrase?: string };
  warehouse?: string;
  database?: string;
  /** The store's schema (see storeSchema); made at open when missing. */
  schema?: string;
  role?: string;
  accessUrl?: string;
  /** QUERY_TAG on every statement: names the service in Snowflake's query history. */
  queryTag: string;
  poolSize: number;
  statementTimeoutSeconds: number;
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * The schema a store keeps its tables in when SNOWFLAKE_SCHEMA is unset: one per store (`SOPHIA_CHAT`,
 * `SOPHIA_KPI`, `SOPHIA_MEMORY`, `SOPHIA_PROJECT`, `SOPHIA_SALES`), because every store records its
 * migrations and meta in tables of the same names.
 */
export const storeSchema = (store: string): string =>
  `SOPHIA_${store.toUpperCase().replace(/[^A-Z0-9_$]/g, '_')}`;

/**
 * Snowflake options from a parsed config, or undefined when SNOWFLAKE_ACCOUNT is unset. Refuses (listing
 * every problem) a config that names an account but cannot log in.
 */
export function snowflakeOptions(service: string, config: SnowflakeEnv): SnowflakeOptions | undefined {
  if (!config.SNOWFLAKE_ACCOUNT) return undefined;
  const problems: string[] = [];
  if (!config.SNOWFLAKE_USER) problems.push('SNOWFLAKE_USER: is required when SNOWFLAKE_ACCOUNT is set');
  const password = config.SNOWFLAKE_PASSWORD;
  const keyPath = config.SNOWFLAKE_PRIVATE_KEY_PATH;
  if (!password === !keyPath) {
    problems.push('SNOWFLAKE_PASSWORD / SNOWFLAKE_PRIVATE_KEY_PATH: set exactly one (key-pair is preferred)');
  }
  const schema = config.SNOWFLAKE_SCHEMA ?? storeSchema(service);
  if (!PLAIN_IDENTIFIER.test(schema)) {
    problems.push(
      `SNOWFLAKE_SCHEMA: ${JSON.stringify(schema)} is not a plain identifier (letters, digits, _ and $)`,
    );
  }
  if (problems.length > 0) throw new ConfigError(service, problems);
  return {
    account: config.SNOWFLAKE_ACCOUNT,
    user: config.SNOWFLAKE_USER!,
    auth: keyPath
      ? {
          privateKeyPath: keyPath,
          ...(config.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE && {
            passphrase: config.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE,
          }),
        }
      : { password: password! },
    ...(config.SNOWFLAKE_WAREHOUSE && { warehouse: config.SNOWFLAKE_WAREHOUSE }),
    ...(config.SNOWFLAKE_DATABASE && { database: config.SNOWFLAKE_DATABASE }),
    schema,
    ...(config.SNOWFLAKE_ROLE && { role: config.SNOWFLAKE_ROLE }),
    ...(config.SNOWFLAKE_ACCESS_URL && { accessUrl: config.SNOWFLAKE_ACCESS_URL }),
    queryTag: `sophia-${service}`,
    poolSize: config.SNOWFLAKE_POOL_SIZE ?? 4,
    statementTimeoutSeconds: config.SNOWFLAKE_STATEMENT_TIMEOUT_SECONDS ?? 120,
  };
}
