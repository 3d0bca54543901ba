import { parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';

export const memoryEnvShape = { ...serviceEnvShape, PORT: portSchema.default(4002) };

export type MemoryConfig = ReturnType<typeof loadMemoryConfig>;

/** The memory subgraph's configuration; the only place that reads the environment. */
export function loadMemoryConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  return parseConfig('memory', memoryEnvShape, source);
}
