/**
 * The kpi tables in Snowflake's dialect (the same tables as schema-sql.ts): VARIANT for JSON, FLOAT (64-bit)
 * for DOUBLE, idempotent CREATEs because Snowflake DDL is not transactional. Snowflake records the keys but
 * enforces neither them nor CHECK; the writes upsert on them.
 */
export const KPI_DDL_SNOWFLAKE: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS metric_definitions (
     id VARCHAR PRIMARY KEY,
     position INTEGER NOT NULL,
     name VARCHAR NOT NULL,
     description VARCHAR NOT NULL,
     unit VARCHAR NOT NULL,
     category VARCHAR NOT NULL,
     aggregation VARCHAR NOT NULL,
     higher_is_better BOOLEAN NOT NULL,
     formula VARIANT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS daily_facts (
     date DATE NOT NULL,
     fact VARCHAR NOT NULL,
     value FLOAT NOT NULL,
     PRIMARY KEY (fact, date))`,
  `CREATE TABLE IF NOT EXISTS metric_targets (
     metric_id VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     value FLOAT NOT NULL,
     PRIMARY KEY (metric_id, period))`,
];
