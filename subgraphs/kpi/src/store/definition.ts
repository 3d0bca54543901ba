import type { StoreDefinition } from '@sophia/kit';
import { APPLIED_DEAL_CHANGES_DDL } from './deal-changes-sql.ts';
import { KPI_DDL_SNOWFLAKE } from './schema-snowflake.ts';
import { KPI_DDL } from './schema-sql.ts';

/** The kpi store: `kpi.duckdb` and its numbered migrations (append; never edit a released one). */
export const KPI_STORE: StoreDefinition = {
  name: 'kpi',
  file: 'kpi.duckdb',
  migrations: [
    {
      version: 1,
      description: 'metric definitions, daily facts and targets',
      statements: { duckdb: KPI_DDL, snowflake: KPI_DDL_SNOWFLAKE },
    },
    {
      version: 2,
      description: 'the sales deal changes applied to the facts',
      statements: { duckdb: APPLIED_DEAL_CHANGES_DDL, snowflake: APPLIED_DEAL_CHANGES_DDL },
    },
  ],
};
