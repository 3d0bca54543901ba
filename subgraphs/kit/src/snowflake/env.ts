import { z } from 'zod';
import { ConfigError } from '../env.ts';

/**
 * Variables that put a service's storage on Snowflake. Spread into a service's env shape; Snowflake is used
 * when SNOWFLAKE_ACCOUNT is set. This file only describes them: the service's own env.ts reads process.env.
 */
export const snowflakeEnvShape = {
  /** Account identifier (`orgname-account`); setting it selects Snowflake. */
  SNOWFLAKE_ACCOUNT: z.string().min(1).optional(),
  SNOWFLAKE_USER: z.string().min(1).optional(),
  /** Password login; prefer key-pair authentication (SNOWFLAKE_PRIVATE_KEY_PATH) in production. */
  SNOWFLAKE_PASSWORD: z.string().min(1).optional(),
  /** PEM file of the user's private key (key-pair authentication, SNOWFLAKE_JWT). */
  SNOWFLAKE_PRIVATE_KEY_PATH: z.string().min(1).optional(),
  /** Passphrase of an encrypted private key. */
  SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: z.string().min(1).optional(),
  SNOWFLAKE_WAREHOUSE: z.string().min(1).optional(),
  SNOWFLAKE_DATABASE: z.string().min(1).optional(),
  SNOWFLAKE_SCHEMA: z.string().min(1).optional(),
  SNOWFLAKE_ROLE: z.string().min(1).optional(),
  /** A non-default endpoint (a private link, or the local Snowflake the tests use). */
  SNOWFLAKE_ACCESS_URL: z.url().optional(),
  /** Most connections one service holds open. */
  SNOWFLAKE_POOL_SIZE: z.coerce.number().int().min(1).max(64).default(4),
  /** STATEMENT_TIMEOUT_IN_SECONDS for every session: Snowflake cancels a statement that runs longer. */
  SNOWFLAKE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(172_800).default(120),
};

type SnowflakeEnv = Partial<z.infer<z.ZodObject<typeof snowflakeEnvShape>>>;

/** What the client needs to connect; built from the parsed config by {@link snowflakeOptions}. */
export interface SnowflakeOptions {
  account: string;
  user: string;
  auth: { password: string } | { privateKeyPath: string; passphrase?: string };
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
  accessUrl?: string;
  /** QUERY_TAG on every statement: names the service in Snowflake's query history. */
  queryTag: string;
  poolSize: number;
  statementTimeoutSeconds: number;
}

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
    ...(config.SNOWFLAKE_SCHEMA && { schema: config.SNOWFLAKE_SCHEMA }),
    ...(config.SNOWFLAKE_ROLE && { role: config.SNOWFLAKE_ROLE }),
    ...(config.SNOWFLAKE_ACCESS_URL && { accessUrl: config.SNOWFLAKE_ACCESS_URL }),
    queryTag: `sophia-${service}`,
    poolSize: config.SNOWFLAKE_POOL_SIZE ?? 4,
    statementTimeoutSeconds: config.SNOWFLAKE_STATEMENT_TIMEOUT_SECONDS ?? 120,
  };
}
