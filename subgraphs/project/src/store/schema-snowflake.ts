/**
 * The project tables in Snowflake's dialect (the same tables as schema-sql.ts): FLOAT (64-bit) for DOUBLE,
 * idempotent CREATEs because Snowflake DDL is not transactional, and no indexes (Snowflake has none; it
 * prunes by micro-partition). Snowflake records the keys and UNIQUE but enforces neither; the writes upsert
 * on them.
 */
export const PROJECT_DDL_SNOWFLAKE: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS teams (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    lead_id VARCHAR,
    parent_id VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS users (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    email VARCHAR NOT NULL UNIQUE,
    title VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    team_id VARCHAR,
    manager_id VARCHAR,
    start_date DATE NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS projects (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    owner_id VARCHAR NOT NULL,
    team_id VARCHAR,
    start_date DATE NOT NULL,
    due_date DATE NOT NULL,
    progress FLOAT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS milestones (
    id VARCHAR PRIMARY KEY,
    project_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    due_date DATE NOT NULL,
    completed_at DATE)`,
  `CREATE TABLE IF NOT EXISTS objectives (
    id VARCHAR PRIMARY KEY,
    period VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    owner_id VARCHAR NOT NULL,
    team_id VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS key_results (
    id VARCHAR PRIMARY KEY,
    objective_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    metric_id VARCHAR,
    unit VARCHAR NOT NULL,
    start_value FLOAT NOT NULL,
    target_value FLOAT NOT NULL,
    current_value FLOAT NOT NULL)`,
];
