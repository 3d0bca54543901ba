import { parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';

export const chatEnvShape = { ...serviceEnvShape, PORT: portSchema.default(4001) };

export type ChatConfig = ReturnType<typeof loadChatConfig>;

/** The chat subgraph's configuration; the only place that reads the environment. */
export function loadChatConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  return parseConfig('chat', chatEnvShape, source);
}
