import { parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';

export const kpiEnvShape = { ...serviceEnvShape, PORT: portSchema.default(4003) };

export type KpiConfig = ReturnType<typeof loadKpiConfig>;

/** The kpi subgraph's configuration; the only place that reads the environment. */
export function loadKpiConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  return parseConfig('kpi', kpiEnvShape, source);
}
