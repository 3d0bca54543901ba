import { apiKeyPepperShape, parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';

export const projectEnvShape = { ...serviceEnvShape, ...apiKeyPepperShape, PORT: portSchema.default(4004) };

export type ProjectConfig = ReturnType<typeof loadProjectConfig>;

/** The project subgraph's configuration; the only place that reads the environment. */
export function loadProjectConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  // The project subgraph issues API keys: their hashes need a real pepper in production.
  return parseConfig('project', projectEnvShape, source, { requiredSecrets: ['API_KEY_PEPPER'] });
}
