/**
 * Migration 2: every STREAMING reply records the chat replica writing it and until when that replica's lease
 * on it runs (renewed while it writes). A starting replica fails only replies whose lease ran out, so the
 * replies other live replicas on a shared warehouse are writing survive its start.
 */
export const REPLY_LEASE_DDL: readonly string[] = [
  'ALTER TABLE messages ADD COLUMN writer_id VARCHAR',
  'ALTER TABLE messages ADD COLUMN lease_expires_at TIMESTAMP',
];

/** The same columns in Snowflake's dialect; IF NOT EXISTS because Snowflake DDL is not transactional. */
export const REPLY_LEASE_DDL_SNOWFLAKE: readonly string[] = [
  'ALTER TABLE messages ADD COLUMN IF NOT EXISTS writer_id VARCHAR',
  'ALTER TABLE messages ADD COLUMN IF NOT EXISTS lease_expires_at TIMESTAMP_NTZ',
];
