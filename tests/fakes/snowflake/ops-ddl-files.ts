import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'snowflake-sdk';
import { exec } from './sdk-client.ts';

/** ops/snowflake, where an operator's DDL for a Snowflake account lives. */
const DDL_DIR = join(import.meta.dirname, '../../../ops/snowflake');

/** Runs every ops/snowflake file in order, each as one multi-statement script, as an operator would. */
export async function runOpsSnowflakeDdl(operator: Connection): Promise<void> {
  const files = readdirSync(DDL_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  for (const file of files) {
    await exec(operator, readFileSync(join(DDL_DIR, file), 'utf8'), undefined, {
      parameters: { MULTI_STATEMENT_COUNT: 0 },
    });
  }
}
