import { z } from 'zod';

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
  /**
   * The store's schema. Unset (the default, and what `npm start` needs), each store has its own: SOPHIA_<STORE>.
   * Set it only where one service runs with its own environment; stores must never share a schema.
   */
  SNOWFLAKE_SCHEMA: z.string().min(1).optional(),
  SNOWFLAKE_ROLE: z.string().min(1).optional(),
  /** A non-default endpoint (a private link, or the local Snowflake the tests use). */
  SNOWFLAKE_ACCESS_URL: z.url().optional(),
  /** Most connections one service holds open. */
  SNOWFLAKE_POOL_SIZE: z.coerce.number().int().min(1).max(64).default(4),
  /** STATEMENT_TIMEOUT_IN_SECONDS for every session: Snowflake cancels a statement that runs longer. */
  SNOWFLAKE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(172_800).default(120),
};

/** The Snowflake part of a parsed config. */
export type SnowflakeEnv = Partial<z.infer<z.ZodObject<typeof snowflakeEnvShape>>>;
