import type { Clock, SnowflakeEnv } from '@sophia/kit';
import type { ProgressOutput } from './progress.ts';

export interface ImportOptions {
  readonly dataDir: string;
  readonly kind: string;
  readonly file: string;
  /** Validate only; write nothing. */
  readonly dryRun?: boolean;
  /** Where progress goes. @default nowhere */
  readonly progress?: ProgressOutput;
  /** @default real time */
  readonly clock?: Clock;
  /** The SNOWFLAKE_* variables: with SNOWFLAKE_ACCOUNT the stores, and so the import, are on Snowflake. */
  readonly snowflake?: SnowflakeEnv | undefined;
}

export interface ImportResult {
  readonly kind: string;
  readonly rows: number;
  /** Every problem found; when there is any, nothing was written. */
  readonly problems: readonly string[];
  readonly written: boolean;
}
