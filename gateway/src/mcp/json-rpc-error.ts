import type { ServerResponse } from 'node:http';
import { ERROR_CODES, type ErrorCode } from '@sophia/kit';

/** JSON-RPC error codes used before a request reaches the MCP server (the SDK answers the rest). */
export const JSON_RPC = { PARSE_ERROR: -32700, SERVER_ERROR: -32000, INTERNAL_ERROR: -32603 } as const;

/**
 * Answers an MCP request the transport never saw with a JSON-RPC error body, so MCP clients parse it; the
 * catalogue code is in `error.data.code`, as Sophia's clients expect.
 */
export function sendJsonRpcError(
  res: ServerResponse,
  status: number,
  rpcCode: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(
    JSON.stringify({
      jsonrpc: '2.0',
      error: { code: rpcCode, message, data: { code, description: ERROR_CODES[code] } },
      id: null,
    }),
  );
}
