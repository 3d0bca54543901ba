/**
 * The chat tables in Snowflake's dialect (the same tables as schema-sql.ts): TIMESTAMP_NTZ for TIMESTAMP,
 * VARIANT for JSON, idempotent CREATEs because Snowflake DDL is not transactional. Snowflake has no CHECK
 * constraints: the store writes only the roles and statuses its types allow.
 */
export const CHAT_DDL_SNOWFLAKE: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS conversations (
     id VARCHAR PRIMARY KEY,
     owner_id VARCHAR NOT NULL,
     title VARCHAR NOT NULL,
     created_at TIMESTAMP_NTZ NOT NULL,
     updated_at TIMESTAMP_NTZ NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS messages (
     id VARCHAR PRIMARY KEY,
     conversation_id VARCHAR NOT NULL,
     role VARCHAR NOT NULL,
     content VARCHAR NOT NULL,
     status VARCHAR NOT NULL,
     citations VARIANT NOT NULL,
     created_at TIMESTAMP_NTZ NOT NULL)`,
];
