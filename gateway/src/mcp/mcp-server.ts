import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '@sophia/kit';
import type { ExecuteGraphQL, McpTool } from './tool.ts';
import { toolError } from './tool-result.ts';

export interface McpServerOptions {
  /** The tools of this request (a snapshot: a reload during the request does not change them). */
  readonly tools: ReadonlyMap<string, McpTool>;
  readonly execute: ExecuteGraphQL;
  readonly log: Logger;
  readonly requestId: string;
}

const INSTRUCTIONS =
  "Sophia's business data (KPIs, sales, projects and OKRs, people, memories) as tools. Each tool runs one" +
  ' GraphQL operation as you; its result is the GraphQL result, with `errors[].extensions.code` on failure.' +
  ' Periods are `2026-Q3`, `2026-11`, `2026` or `Q3`; omitted means the current quarter.';

/**
 * The MCP server of one HTTP request. The low-level `Server` (not `McpServer`) because the tools are data:
 * their input schemas are JSON Schema derived from GraphQL, not zod, and the set changes at run time.
 */
export function createMcpServer(options: McpServerOptions): Server {
  const { tools, execute, log, requestId } = options;
  const server = new Server(
    { name: 'sophia', title: 'Sophia', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true } }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [...tools.values()].map((tool) => tool.definition),
  }));
  server.setRequestHandler(CallToolRequestSchema, async ({ params }) => {
    const tool = tools.get(params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
    try {
      return await tool.call(params.arguments ?? {}, execute);
    } catch (error) {
      log.error({ err: error, tool: params.name }, 'MCP tool failed');
      return toolError('INTERNAL_SERVER_ERROR', `Internal error (request ${requestId}).`);
    }
  });
  return server;
}
