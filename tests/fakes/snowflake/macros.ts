import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Snowflake functions the FAKE provides as DuckDB macros, installed once per instance.
 *
 * `SF_EMBED_TEXT_768` is the FAKE stand-in for `SNOWFLAKE.CORTEX.EMBED_TEXT_768`: not a language model but
 * feature hashing — each lower-cased word adds 1 to one of 768 buckets — so the same text gives the same
 * vector and texts sharing words are closer than texts that share none. The model name is ignored.
 */
const MACROS = [
  'CREATE OR REPLACE MACRO IFF(c, a, b) AS CASE WHEN c THEN a ELSE b END',
  'CREATE OR REPLACE MACRO NVL(a, b) AS coalesce(a, b)',
  'CREATE OR REPLACE MACRO NVL2(a, b, c) AS CASE WHEN a IS NOT NULL THEN b ELSE c END',
  'CREATE OR REPLACE MACRO ZEROIFNULL(a) AS coalesce(a, 0)',
  'CREATE OR REPLACE MACRO UUID_STRING() AS gen_random_uuid()::VARCHAR',
  'CREATE OR REPLACE MACRO REGEXP_LIKE(s, p) AS regexp_full_match(s, p)',
  'CREATE OR REPLACE MACRO ARRAY_SIZE(a) AS json_array_length(CAST(a AS JSON))',
  'CREATE OR REPLACE MACRO TO_VARIANT(x) AS to_json(x)',
  'CREATE OR REPLACE MACRO SF_TO_JSON(v) AS CAST(CAST(v AS JSON) AS VARCHAR)',
  "CREATE OR REPLACE MACRO IS_OBJECT(v) AS json_type(CAST(v AS JSON)) = 'OBJECT'",
  "CREATE OR REPLACE MACRO IS_ARRAY(v) AS json_type(CAST(v AS JSON)) = 'ARRAY'",
  "CREATE OR REPLACE MACRO IS_VARCHAR(v) AS json_type(CAST(v AS JSON)) = 'VARCHAR'",
  `CREATE OR REPLACE MACRO SF_EMBED_TEXT_768(model, t) AS (
     list_transform(
       range(768),
       i -> len(list_filter(regexp_split_to_array(lower(t), '[^a-z0-9]+'), w -> w <> '' AND hash(w) % 768 = i))::FLOAT
     )::FLOAT[768])`,
];

export async function installMacros(connection: DuckDBConnection): Promise<void> {
  for (const macro of MACROS) await connection.run(macro);
}
