import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ERROR_CODES, type ErrorCode } from '@sophia/kit';
import type { GraphQLResult } from './tool.ts';

/**
 * A GraphQL result as a tool result: `{data, errors}` as structured content and as JSON text (for clients that
 * read text only). Any GraphQL error makes it a tool error (`isError`), its codes in `errors[].extensions`, so
 * the model sees what went wrong and can correct itself.
 */
export function toolResult(result: GraphQLResult): CallToolResult {
  const errors = result.errors ?? [];
  const structured = { data: result.data ?? null, ...(errors.length > 0 ? { errors: [...errors] } : {}) };
  return {
    content: [{ type: 'text', text: JSON.stringify(structured) }],
    structuredContent: structured,
    ...(errors.length > 0 ? { isError: true } : {}),
  };
}

/** A tool error shaped like a GraphQL error response, for problems found before GraphQL runs. */
export function toolError(code: ErrorCode, message: string): CallToolResult {
  return toolResult({
    data: null,
    errors: [{ message, extensions: { code, description: ERROR_CODES[code] } }],
  });
}
