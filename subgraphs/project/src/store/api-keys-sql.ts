import type { Migration } from '@sophia/kit';

/**
 * API keys: one row per key, never its secret — only the peppered HMAC of it (`hash`). Written once for both
 * dialects: plain VARCHAR and BIGINT (times as milliseconds since the epoch, which both read back alike), no
 * index (Snowflake has none; the table holds a few keys per admin) and IF NOT EXISTS, because Snowflake DDL
 * is not transactional and a retried migration must not fail on a table it already made.
 */
const API_KEYS_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS api_keys (
     id VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     owner_id VARCHAR NOT NULL,
     owner_roles VARCHAR NOT NULL,
     scopes VARCHAR NOT NULL,
     hash VARCHAR NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     revoked_at BIGINT,
     last_used_at BIGINT)`,
];

export const API_KEYS_MIGRATION: Migration = {
  version: 2,
  description: 'API keys: hashes, scopes, expiry, revocation and last use',
  statements: { duckdb: API_KEYS_DDL, snowflake: API_KEYS_DDL },
};
