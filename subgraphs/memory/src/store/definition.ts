import type { StoreDefinition } from '@sophia/kit';
import { INGEST_JOBS_DDL } from '../ingest/job-store.ts';
import { MEMORY_DDL } from './schema-sql.ts';

/** The memory store: `memory.duckdb` and its numbered migrations (append; never edit a released one). */
export const MEMORY_STORE: StoreDefinition = {
  name: 'memory',
  file: 'memory.duckdb',
  migrations: [
    {
      version: 1,
      description: 'the directory, memories and their lexical index',
      statements: { duckdb: MEMORY_DDL },
    },
    // The first release created this table at every open (IF NOT EXISTS); a later change to it is a new migration.
    { version: 2, description: 'document ingest jobs', statements: { duckdb: [INGEST_JOBS_DDL] } },
  ],
};
