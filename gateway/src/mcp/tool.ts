import type { GraphQLFormattedError } from 'graphql';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';

export interface GraphQLRequest {
  readonly query: string;
  readonly operationName?: string;
  readonly variables?: Record<string, unknown>;
}

export interface GraphQLResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** Runs one operation through the gateway as the caller of the MCP request. */
export type ExecuteGraphQL = (request: GraphQLRequest) => Promise<GraphQLResult>;

/** One MCP tool: what `tools/list` shows, and what `tools/call` runs. */
export interface McpTool {
  readonly definition: Tool;
  call(args: Record<string, unknown>, execute: ExecuteGraphQL): Promise<CallToolResult>;
}
