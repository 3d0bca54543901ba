/** The scope that lets a caller send operations outside the gateway's safelist (tools, agents, developers). */
export const ARBITRARY_OPERATIONS_SCOPE = 'sophia:arbitrary-operations';

/**
 * What an API key may do, by subgraph area: `<area>:read` for queries and subscriptions, `<area>:write` for
 * mutations; `chat` covers the whole chat area (a conversation reads and writes at once). There is no
 * `project:write`: keys never manage keys (or anything else the project subgraph writes).
 */
export const API_KEY_SCOPES = [
  'kpi:read',
  'sales:read',
  'sales:write',
  'memory:read',
  'memory:write',
  'project:read',
  'chat',
  ARBITRARY_OPERATIONS_SCOPE,
] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const isApiKeyScope = (scope: string): scope is ApiKeyScope =>
  (API_KEY_SCOPES as readonly string[]).includes(scope);
