import { z } from 'zod';
import { snowflakeEnvShape } from '@sophia/kit';

/** What `npm start` reads; everything else passes through to the services' own env.ts. */
const launcherEnvShape = z.object({
  /** `production` starts on the data dir as it is; `development` (the default) loads the demo into an empty one. */
  SOPHIA_ENV: z.enum(['development', 'production']).optional(),
  NODE_ENV: z.string().optional(),
  SOPHIA_DATA_DIR: z.string().min(1).default('.data'),
  SOPHIA_DEMO_SEED: z.coerce.number().int().optional(),
  SOPHIA_DEMO_ANCHOR: z.iso.date('must be a date, YYYY-MM-DD').optional(),
  /** `pretty` condenses each service's JSON log lines for a terminal; `json` passes them through. */
  SOPHIA_LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
  /**
   * SNOWFLAKE_ACCOUNT and its companions put every store on Snowflake: the demo is loaded there, and every
   * service gets them with the rest of the environment.
   */
  ...snowflakeEnvShape,
});

export type LauncherConfig = z.infer<typeof launcherEnvShape>;

export function loadLauncherConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  const result = launcherEnvShape.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '')),
  );
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}
