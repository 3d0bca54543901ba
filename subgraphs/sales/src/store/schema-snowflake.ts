import { ACCOUNT_ROWS } from './schema-sql.ts';

/**
 * The sales tables in Snowflake's dialect (the tables schema-sql.ts and migration 2 leave on DuckDB): FLOAT
 * (64-bit) for DOUBLE, idempotent CREATEs because Snowflake DDL is not transactional, stage changes without a
 * foreign key (DuckDB's migration 2 drops it; Snowflake would not enforce it anyway). Snowflake records the
 * primary keys but does not enforce them; the writes upsert on them.
 */
export const SALES_DDL_SNOWFLAKE: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS accounts (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    industry VARCHAR NOT NULL,
    segment VARCHAR NOT NULL,
    region VARCHAR NOT NULL,
    employees INTEGER NOT NULL,
    website VARCHAR NOT NULL,
    owner_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    created_at DATE NOT NULL,
    customer_since DATE)`,
  `CREATE TABLE IF NOT EXISTS deals (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    account_id VARCHAR NOT NULL,
    owner_id VARCHAR NOT NULL,
    amount FLOAT NOT NULL,
    stage VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    probability FLOAT NOT NULL,
    created_at DATE NOT NULL,
    close_date DATE NOT NULL,
    closed_at DATE)`,
  `CREATE TABLE IF NOT EXISTS deal_stage_changes (
    deal_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    stage VARCHAR NOT NULL,
    entered_at DATE NOT NULL,
    PRIMARY KEY (deal_id, position))`,
  `CREATE OR REPLACE VIEW account_rows AS ${ACCOUNT_ROWS}`,
];
