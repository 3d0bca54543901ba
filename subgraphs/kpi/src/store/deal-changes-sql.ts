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
];
