import type { StoreDefinition } from '@sophia/kit';
import { DEAL_CHANGES_DDL } from './deal-changes.ts';
import { SALES_DDL_SNOWFLAKE } from './schema-snowflake.ts';
import { SALES_DDL } from './schema-sql.ts';

/** The sales store: `sales.duckdb` and its numbered migrations (append; never edit a released one). */
export const SALES_STORE: StoreDefinition = {
  name: 'sales',
  file: 'sales.duckdb',
  migrations: [
    {
      version: 1,
      description: 'accounts, deals and their stage history',
      statements: { duckdb: SALES_DDL, snowflake: SALES_DDL_SNOWFLAKE },
    },
    {
      version: 2,
      // DuckDB refuses to update a deal that stage changes point at, even after deleting them in the same
      // transaction; without the constraint an import can rewrite a deal and its history together.
      description: 'stage changes without a foreign key to deals, so imports can rewrite both',
      statements: {
        duckdb: [
          `CREATE TABLE deal_stage_changes_v2 (
            deal_id VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            stage VARCHAR NOT NULL,
            entered_at DATE NOT NULL,
            PRIMARY KEY (deal_id, position))`,
          'INSERT INTO deal_stage_changes_v2 SELECT deal_id, position, stage, entered_at FROM deal_stage_changes',
          'DROP TABLE deal_stage_changes',
          'ALTER TABLE deal_stage_changes_v2 RENAME TO deal_stage_changes',
        ],
        // Nothing to do: Snowflake's migration 1 already makes stage changes without the foreign key.
        snowflake: [],
      },
    },
    {
      version: 3,
      description: 'the deal changes outbox kpi keeps its facts in agreement from',
      // Portable SQL: the same statements on both backends.
      statements: { duckdb: DEAL_CHANGES_DDL, snowflake: DEAL_CHANGES_DDL },
    },
  ],
};
