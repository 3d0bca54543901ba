/** The kpi tables: metric definitions, daily facts (long format) and targets per period. */
export const KPI_DDL: readonly string[] = [
  `CREATE TABLE metric_definitions (
     id VARCHAR PRIMARY KEY,
     position INTEGER NOT NULL,
     name VARCHAR NOT NULL,
     description VARCHAR NOT NULL,
     unit VARCHAR NOT NULL,
     category VARCHAR NOT NULL,
     aggregation VARCHAR NOT NULL CHECK (aggregation IN ('FLOW', 'STOCK', 'RATIO')),
     higher_is_better BOOLEAN NOT NULL,
     formula JSON NOT NULL)`,
  // Long format: one row per fact per day, so a new fact needs no schema change.
  `CREATE TABLE daily_facts (
     date DATE NOT NULL,
     fact VARCHAR NOT NULL,
     value DOUBLE NOT NULL,
     PRIMARY KEY (fact, date))`,
  `CREATE TABLE metric_targets (
     metric_id VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     value DOUBLE NOT NULL,
     PRIMARY KEY (metric_id, period))`,
];
