import { parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';

export const projectEnvShape = { ...serviceEnvShape, PORT: portSchema.default(4004) };

export type ProjectConfig = ReturnType<typeof loadProjectConfig>;

/** The project subgraph's configuration; the only place that reads the environment. */
export function loadProjectConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  return parseConfig('project', projectEnvShape, source);
}
