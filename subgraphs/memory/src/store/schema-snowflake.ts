/**
 * The memory tables in Snowflake's dialect: the same tables as schema-sql.ts and the ingest jobs, with
 * `VECTOR(FLOAT, n)` for the embedding (n: the configured model's dimension, fixed when the table is made),
 * VARIANT for JSON, TIMESTAMP_NTZ for times and idempotent CREATEs (Snowflake DDL is not transactional).
 * Snowflake records the keys and enforces neither them nor CHECK; the memory service writes by id.
 * `ops/snowflake/02-memory.sql` creates the same MEMORIES table for an operator who sets up the schema first.
 */
export function memoryDdlSnowflake(dimension: number): readonly string[] {
  const size = vectorDimension(dimension);
  return [
    `CREATE TABLE IF NOT EXISTS directory (user_id VARCHAR NOT NULL, team_id VARCHAR, PRIMARY KEY (user_id))`,
    `CREATE TABLE IF NOT EXISTS memories (
       id VARCHAR NOT NULL,
       owner_id VARCHAR NOT NULL,
       visibility VARCHAR NOT NULL,
       kind VARCHAR NOT NULL,
       content VARCHAR NOT NULL,
       content_hash VARCHAR NOT NULL,
       term_count INTEGER NOT NULL,
       source_type VARCHAR NOT NULL,
       source_id VARCHAR,
       source_title VARCHAR,
       account_id VARCHAR,
       team_id VARCHAR,
       metadata VARIANT NOT NULL,
       embedding VECTOR(FLOAT, ${size}),
       tier NUMBER(1, 0) NOT NULL DEFAULT 2,
       created_at TIMESTAMP_NTZ NOT NULL,
       accessed_at TIMESTAMP_NTZ NOT NULL,
       access_count NUMBER(38, 0) NOT NULL DEFAULT 0,
       PRIMARY KEY (id))`,
    `CREATE TABLE IF NOT EXISTS memory_terms (memory_id VARCHAR NOT NULL, term VARCHAR NOT NULL, tf INTEGER NOT NULL)`,
  ];
}

/**
 * Change data capture (ops/snowflake/03-change-capture.sql makes the same objects, plus the task): the stream
 * EMBEDDING_CHANGES records every change to MEMORIES whoever makes it, and MEMORY_CHANGES is the change log
 * every memory replica reads by sequence number (see change-capture/).
 */
export const CHANGE_CAPTURE_DDL_SNOWFLAKE: readonly string[] = [
  'CREATE STREAM IF NOT EXISTS embedding_changes ON TABLE memories',
  `CREATE TABLE IF NOT EXISTS memory_changes (
     seq NUMBER(38, 0) AUTOINCREMENT,
     memory_id VARCHAR NOT NULL,
     action VARCHAR NOT NULL,
     changed_at TIMESTAMP_NTZ NOT NULL DEFAULT CURRENT_TIMESTAMP())`,
];

/** The dimension as written into `VECTOR(FLOAT, n)`: a config value, checked here, never user input. */
export function vectorDimension(dimension: number): number {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 4096) {
    throw new RangeError(`A Snowflake VECTOR has 1 to 4096 dimensions, got ${dimension}.`);
  }
  return dimension;
}
