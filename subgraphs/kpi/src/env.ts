import { z } from 'zod';
import { parseConfig, portSchema, redisUrlSchema, serviceEnvShape } from '@sophia/kit';

export const kpiEnvShape = {
  ...serviceEnvShape,
  PORT: portSchema.default(4003),
  /**
   * The sales subgraph (e.g. `http://sales:4005`), whose outbox kpi catches up from on start and every
   * DEAL_CHANGES_CATCH_UP_SECONDS; unset: kpi applies only the changes the live feed brings.
   */
  SOPHIA_SALES_URL: z.url().optional(),
  /** Shared with sales: deal changes arrive on its `deal-changed` feed as they commit. */
  REDIS_URL: redisUrlSchema,
  /** How often kpi asks sales for changes it missed (the safety net under the live feed). */
  DEAL_CHANGES_CATCH_UP_SECONDS: z.coerce.number().int().min(1).max(3_600).default(5),
};

export type KpiConfig = ReturnType<typeof loadKpiConfig>;

/** The kpi subgraph's configuration; the only place that reads the environment. */
export function loadKpiConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  return parseConfig('kpi', kpiEnvShape, source);
}
