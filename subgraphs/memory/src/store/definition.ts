import type { StoreDefinition } from '@sophia/kit';
import { ingestJobsDdl } from '../ingest/job-store.ts';
import { MEMORY_TEXT_SQL } from './rows.ts';
import { CHANGE_CAPTURE_DDL_SNOWFLAKE, memoryDdlSnowflake } from './schema-snowflake.ts';
import { MEMORY_DDL } from './schema-sql.ts';

/** Vectors already stored were made from the text they sit beside: record that text's hash for them. */
const RECORD_INDEXED_HASH = `UPDATE memories SET indexed_hash = md5(${MEMORY_TEXT_SQL}) WHERE embedding IS NOT NULL`;

/**
 * The memory store: `memory.duckdb` (or the Snowflake schema) and its numbered migrations (append; never edit
 * a released one). `dimension` sizes Snowflake's `VECTOR(FLOAT, n)` when the table is made (the embedded
 * store keeps vectors of any length).
 */
export function memoryStore(dimension: number): StoreDefinition {
  return {
    name: 'memory',
    file: 'memory.duckdb',
    migrations: [
      {
        version: 1,
        description: 'the directory, memories and their lexical index',
        statements: { duckdb: MEMORY_DDL, snowflake: memoryDdlSnowflake(dimension) },
      },
      // The first release created this table at every open (IF NOT EXISTS); a later change to it is a new migration.
      {
        version: 2,
        description: 'document ingest jobs',
        statements: { duckdb: [ingestJobsDdl('duckdb')], snowflake: [ingestJobsDdl('snowflake')] },
      },
      {
        version: 3,
        description: 'memories record the hash of the text they were indexed by (change capture)',
        statements: {
          duckdb: ['ALTER TABLE memories ADD COLUMN indexed_hash VARCHAR', RECORD_INDEXED_HASH],
          snowflake: [
            'ALTER TABLE memories ADD COLUMN IF NOT EXISTS indexed_hash VARCHAR',
            RECORD_INDEXED_HASH,
            ...CHANGE_CAPTURE_DDL_SNOWFLAKE,
          ],
        },
      },
    ],
  };
}

/** The store as the seed and the import open it: the default model's dimension (768). */
export const MEMORY_STORE: StoreDefinition = memoryStore(768);
