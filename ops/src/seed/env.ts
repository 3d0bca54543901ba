import { z } from 'zod';
import { snowflakeEnvShape, type SnowflakeEnv } from '@sophia/kit';

/** What `npm run seed` and `npm run import` read. */
const dataEnvShape = z.object({
  /** Default: production when NODE_ENV=production, as for the services. */
  SOPHIA_ENV: z.enum(['development', 'production']).optional(),
  NODE_ENV: z.string().optional(),
  SOPHIA_DATA_DIR: z.string().min(1).default('.data'),
  SOPHIA_DEMO_SEED: z.coerce.number().int().optional(),
  SOPHIA_DEMO_ANCHOR: z.iso.date('must be a date, YYYY-MM-DD').optional(),
  /** SNOWFLAKE_ACCOUNT and its companions: the stores are on Snowflake, as the services open them. */
  ...snowflakeEnvShape,
});

export interface DataConfig {
  readonly SOPHIA_ENV: 'development' | 'production';
  readonly SOPHIA_DATA_DIR: string;
  readonly SOPHIA_DEMO_SEED: number | undefined;
  readonly SOPHIA_DEMO_ANCHOR: string | undefined;
  /** The SNOWFLAKE_* variables; with SNOWFLAKE_ACCOUNT the stores are on Snowflake. */
  readonly snowflake: SnowflakeEnv;
}

/** @throws Error listing every problem at once. */
export function loadDataConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
): DataConfig {
  const result = dataEnvShape.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '')),
  );
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = result.data;
  return {
    SOPHIA_ENV: env.SOPHIA_ENV ?? (env.NODE_ENV === 'production' ? 'production' : 'development'),
    SOPHIA_DATA_DIR: env.SOPHIA_DATA_DIR,
    SOPHIA_DEMO_SEED: env.SOPHIA_DEMO_SEED,
    SOPHIA_DEMO_ANCHOR: env.SOPHIA_DEMO_ANCHOR,
    snowflake: env,
  };
}
