import { z } from 'zod';
import { ConfigError, parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';

const positiveInt = z.coerce.number().int().positive();

/** One extra MCP server: `name=url`. Names prefix the server's tools (`name__tool`) for the LLM. */
export interface McpServerSpec {
  readonly name: string;
  readonly url: string;
}

export const chatEnvShape = {
  ...serviceEnvShape,
  PORT: portSchema.default(4001),
  /** The gateway whose `/mcp` server gives the assistant its tools (the operations in schema/operations). */
  SOPHIA_GATEWAY_URL: z.url().default('http://127.0.0.1:4000'),
  /**
   * How the assistant calls the gateway's tools: `operations` (POST /operations, plain JSON, independent calls
   * batched) or `mcp` (an MCP session with /mcp). The same operations as the same viewer either way.
   */
  CHAT_TOOL_TRANSPORT: z.enum(['operations', 'mcp']).default('operations'),
  /** More MCP servers whose tools the LLM may call: `name=url,name=url`. */
  MCP_SERVERS: z.string().optional(),
  /** An OpenAI-compatible server (`…/v1` or its root); unset: the built-in analyst answers. */
  LLM_BASE_URL: z.url().optional(),
  /** Model name the server knows; required with LLM_BASE_URL. */
  LLM_MODEL: z.string().min(1).optional(),
  /** Bearer key for the LLM server, when it wants one. */
  LLM_API_KEY: z.string().min(1).optional(),
  /** Rounds of tool calls the LLM may make before it must answer. */
  LLM_MAX_TOOL_ROUNDS: z.coerce.number().int().min(0).max(20).default(5),
  /** Time the LLM server may take for one completion (whole stream). */
  LLM_TIMEOUT_MS: positiveInt.default(120_000),
  /** Redis for the reply event log shared by every chat pod, e.g. `redis://redis:6379`; unset: in-process. */
  REDIS_URL: z.url().optional(),
  /** Longest message a user may send. */
  CHAT_MAX_MESSAGE_CHARS: positiveInt.default(4_000),
  /** Messages one user may send per minute. */
  CHAT_RATE_PER_MINUTE: positiveInt.default(20),
  /** Events kept per reply stream (Redis `MAXLEN ~`). */
  CHAT_STREAM_MAX_EVENTS: positiveInt.default(10_000),
  /** How long a finished reply's events stay replayable. */
  CHAT_STREAM_TTL_SECONDS: positiveInt.default(3_600),
  /**
   * How long a reply stays its writer's without a renewal (renewed every third of it while written): a reply
   * whose replica stopped is failed by another replica, or the next one to start, once this has passed.
   */
  CHAT_REPLY_LEASE_SECONDS: z.coerce.number().int().min(3).max(3_600).default(60),
  /** Time one tool call may take. */
  CHAT_TOOL_TIMEOUT_MS: positiveInt.default(30_000),
  /**
   * Requests to the gateway's tools this process has in flight at most, per lane (answers; remembering
   * exchanges), all replies together; the rest wait their turn here, so new messages and reply streams never
   * queue behind them in the services. 6 measured best on two cores with `npm run bench:chat` (50
   * conversations, first token p95 / whole answer p95: 6 gave 335–350 / 715–745 ms where 8 gave 430 / 685–700
   * in the same runs); 4 and 5 stream the first token no sooner but cap throughput (whole answer ~0.9–1.3 s).
   * Raise it where the services have more cores.
   */
  CHAT_TOOL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(6),
};

export type ChatConfig = ReturnType<typeof loadChatConfig>;

/** Parses `MCP_SERVERS` (`name=url,...`); problems are collected, not thrown. */
export function parseMcpServers(value: string | undefined, problems: string[]): McpServerSpec[] {
  if (!value) return [];
  const servers: McpServerSpec[] = [];
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const at = entry.indexOf('=');
    const name = entry.slice(0, at);
    const url = entry.slice(at + 1);
    if (at < 1 || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(name) || !URL.canParse(url)) {
      problems.push(`MCP_SERVERS: "${entry}" is not name=url (name: letters, digits, _ or -)`);
    } else if (servers.some((server) => server.name === name)) {
      problems.push(`MCP_SERVERS: "${name}" is named twice`);
    } else {
      servers.push({ name, url });
    }
  }
  return servers;
}

/** The chat subgraph's configuration; the only place that reads the environment. */
export function loadChatConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  const config = parseConfig('chat', chatEnvShape, source);
  const problems: string[] = [];
  if (config.LLM_BASE_URL && !config.LLM_MODEL) problems.push('LLM_BASE_URL needs LLM_MODEL');
  const mcpServers = parseMcpServers(config.MCP_SERVERS, problems);
  if (problems.length > 0) throw new ConfigError('chat', problems);
  return Object.freeze({ ...config, mcpServers });
}
