import { parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';

export const salesEnvShape = { ...serviceEnvShape, PORT: portSchema.default(4005) };

export type SalesConfig = ReturnType<typeof loadSalesConfig>;

/** The sales subgraph's configuration; the only place that reads the environment. */
export function loadSalesConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  return parseConfig('sales', salesEnvShape, source);
}
