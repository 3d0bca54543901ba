/**
 * Migration 2: the sales deal changes kpi has applied to its facts, one row per change number. Applying a
 * change and recording it happen in one transaction, so a change is applied exactly once however often it
 * arrives (the live feed, a catch-up, both). Portable SQL: the same statements on DuckDB and Snowflake.
 */
export const APPLIED_DEAL_CHANGES_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS applied_deal_changes (
     change_number BIGINT NOT NULL PRIMARY KEY,
     deal_id VARCHAR NOT NULL,
     changed_at VARCHAR NOT NULL)`,
  // One row every apply updates first. Snowflake enforces no primary key, but an UPDATE holds the table's
  // lock until commit: kpi replicas sharing one warehouse apply one change at a time, and the second sees
  // the first's record and skips.
  `CREATE TABLE IF NOT EXISTS deal_change_applier (
     id INTEGER NOT NULL PRIMARY KEY,
     last_change_number BIGINT NOT NULL)`,
  `INSERT INTO deal_change_applier (id, last_change_number)
   SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM deal_change_applier WHERE id = 1)`,
];
