import { parseConfig, portSchema, redisUrlSchema, serviceEnvShape } from '@sophia/kit';

export const salesEnvShape = {
  ...serviceEnvShape,
  PORT: portSchema.default(4005),
  /** Shared by every sales replica: a deal moved on one reaches `dealStageChanged` subscribers on all. */
  REDIS_URL: redisUrlSchema,
};

export type SalesConfig = ReturnType<typeof loadSalesConfig>;

/** The sales subgraph's configuration; the only place that reads the environment. */
export function loadSalesConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  return parseConfig('sales', salesEnvShape, source);
}
