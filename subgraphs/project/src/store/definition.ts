import type { StoreDefinition } from '@sophia/kit';
import { API_KEYS_MIGRATION } from './api-keys-sql.ts';
import { PROJECT_DDL_SNOWFLAKE } from './schema-snowflake.ts';
import { PROJECT_DDL } from './schema-sql.ts';

/** The project store: `project.duckdb` and its numbered migrations (append; never edit a released one). */
export const PROJECT_STORE: StoreDefinition = {
  name: 'project',
  file: 'project.duckdb',
  migrations: [
    {
      version: 1,
      description: 'the directory, projects with milestones, objectives with key results',
      statements: { duckdb: PROJECT_DDL, snowflake: PROJECT_DDL_SNOWFLAKE },
    },
    API_KEYS_MIGRATION,
  ],
};
