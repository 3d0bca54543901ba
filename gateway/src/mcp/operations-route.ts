import type { ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, HttpError, readJsonBody, type RouteHandler } from '@sophia/kit';
import type { Caller } from '../auth/authenticate.ts';
import type { GatewayContext } from '../context.ts';
import { isRefusal, type Admission, type Refusal } from './admit-caller.ts';
import type { ExecuteGraphQL, GraphQLResult, McpTool } from './tool.ts';
import { toolError } from './tool-result.ts';

/** @default 16: calls one request may carry (each is charged to the caller's MCP rate budget). */
export const MAX_OPERATION_CALLS = 16;

export interface OperationsRouteOptions {
  /** The tools /mcp serves now: the same names, argument checks and operations. */
  readonly tools: () => ReadonlyMap<string, McpTool>;
  readonly admission: Admission;
  readonly executorFor: (context: GatewayContext) => ExecuteGraphQL;
  readonly contextFor: (caller: Caller, requestId: string) => GatewayContext;
  readonly maxBodyBytes: number;
}

interface OperationCall {
  readonly name: string;
  readonly arguments: Record<string, unknown>;
}

/**
 * `POST /operations`: /mcp's tools called by name as plain JSON, for Sophia's own services (the assistant's
 * tool calls). The same door (bearer token, MCP rate budget: a point per call), the same argument checks, and
 * the same operations run as the caller through Apollo Server, so it sees exactly what /mcp and /graphql show
 * that caller; what it saves is the MCP framing of every call (a JSON-RPC session, a server and schema
 * validators per request). Independent calls travel together: `{"calls": [{"name", "arguments"}, ...]}` runs
 * them concurrently and answers `{"results": [{data, errors}, ...]}` in the same order, each result exactly
 * the `structuredContent` /mcp gives for that call.
 */
export function createOperationsRoute(options: OperationsRouteOptions): RouteHandler {
  const { tools, admission, executorFor, contextFor, maxBodyBytes } = options;
  return async (req, res, requestId) => {
    if (req.method !== 'POST') {
      return refuse(res, {
        status: 405,
        code: 'BAD_USER_INPUT',
        message: 'POST {"calls": [...]}.',
        headers: { allow: 'POST' },
      });
    }
    const caller = await admission.callerOf(req);
    if (isRefusal(caller)) return refuse(res, caller);
    let calls: OperationCall[];
    try {
      calls = callsOf(await readJsonBody(req, maxBodyBytes));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return refuse(res, { status: error.status, code: error.code, message: error.message, headers: {} });
    }
    const spent = await admission.charge(req, caller, calls.length);
    if (spent) return refuse(res, spent);

    const context = contextFor(caller, requestId);
    const execute = executorFor(context);
    const now = tools();
    const results = await Promise.all(
      calls.map(async ({ name, arguments: args }): Promise<GraphQLResult> => {
        const tool = now.get(name);
        const result = tool
          ? await tool.call(args, execute).catch((error: unknown) => {
              context.log.error({ err: error, tool: name }, 'Operation call failed');
              return toolError('INTERNAL_SERVER_ERROR', `Internal error (request ${requestId}).`);
            })
          : toolError('NOT_FOUND', `No operation is named ${JSON.stringify(name)}.`);
        return result.structuredContent as GraphQLResult;
      }),
    );
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ results }));
  };
}

/** The body's calls, bounded: 1 to MAX_OPERATION_CALLS, each a name and an arguments object. */
function callsOf(body: unknown): OperationCall[] {
  const bad = (message: string) => new HttpError(400, 'BAD_USER_INPUT', message);
  const list = isRecord(body) ? body['calls'] : undefined;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_OPERATION_CALLS) {
    throw bad(`The body must be {"calls": [...]} with 1 to ${MAX_OPERATION_CALLS} calls.`);
  }
  return list.map((call, index) => {
    const name = isRecord(call) ? call['name'] : undefined;
    const args = isRecord(call) ? (call['arguments'] ?? {}) : undefined;
    if (typeof name !== 'string' || name.length === 0 || name.length > 200 || !isRecord(args)) {
      throw bad(`calls[${index}] must be {"name": "<operation>", "arguments": {...}}.`);
    }
    return { name, arguments: args };
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A GraphQL-shaped refusal, as /graphql answers: the catalogue code in `errors[0].extensions.code`. */
function refuse(res: ServerResponse, refusal: Refusal): void {
  if (res.headersSent) return;
  const error: GraphQLFormattedError = {
    message: refusal.message,
    extensions: { code: refusal.code, description: ERROR_CODES[refusal.code] },
  };
  res.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8', ...refusal.headers });
  res.end(JSON.stringify({ errors: [error] }));
}
