import { resolve } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { HttpError, readJsonBody, type Logger, type RouteHandler } from '@sophia/kit';
import { AuthenticationError, type Caller, type CallerAuthenticator } from '../auth/authenticate.ts';
import type { GatewayContext } from '../context.ts';
import type { GatewayConfig } from '../env.ts';
import type { OperationLimiter } from '../limits/operation-limits.ts';
import { clientAddressOf, RateLimitedError, type RateLimits } from '../limits/rate-limits.ts';
import type { SupergraphTracker } from '../subscriptions/supergraph-tracker.ts';
import { createGraphQLTool, GRAPHQL_TOOL_NAME } from './graphql-tool.ts';
import { JSON_RPC, sendJsonRpcError } from './json-rpc-error.ts';
import { createMcpServer } from './mcp-server.ts';
import { watchOperationCatalog } from './operation-catalog.ts';
import type { ExecuteGraphQL, McpTool } from './tool.ts';

export interface McpEndpointOptions {
  readonly config: Pick<
    GatewayConfig,
    'MCP_OPERATIONS_DIR' | 'MCP_ALLOW_ARBITRARY_GRAPHQL' | 'MAX_BODY_BYTES' | 'TRUSTED_PROXY_HOPS'
  >;
  /** Tools run through it in-process, as /graphql requests do. */
  readonly apollo: ApolloServer<GatewayContext>;
  readonly supergraph: SupergraphTracker;
  readonly authenticate: CallerAuthenticator;
  /** The same context /graphql builds, so auth and viewer forwarding are identical. */
  readonly contextFor: (caller: Caller, requestId: string) => GatewayContext;
  /** Every tool's operation meets the same limits as over /graphql. */
  readonly limiter: OperationLimiter;
  readonly rateLimits: RateLimits;
  readonly logger: Logger;
}

export interface McpEndpoint {
  readonly handle: RouteHandler;
  close(): void;
}

/**
 * `/mcp`: Sophia's named operations (MCP_OPERATIONS_DIR) as MCP tools over Streamable HTTP. Stateless — a
 * fresh server and transport per request, no session id — so any gateway replica answers any request. Every
 * request needs a bearer token; tools run through Apollo Server as that viewer. A client's GET stream stays
 * open and hears `notifications/tools/list_changed` when the operations or the supergraph change.
 */
export async function createMcpEndpoint(options: McpEndpointOptions): Promise<McpEndpoint> {
  const { config, apollo, supergraph, authenticate, contextFor, limiter, rateLimits, logger } = options;
  const catalog = await watchOperationCatalog({
    dir: resolve(config.MCP_OPERATIONS_DIR),
    schema: () => supergraph.current()?.apiSchema,
    logger,
  });
  const graphqlTool =
    config.MCP_ALLOW_ARBITRARY_GRAPHQL === 'false'
      ? undefined
      : createGraphQLTool(config.MCP_ALLOW_ARBITRARY_GRAPHQL === 'mutations');

  const toolsNow = (): ReadonlyMap<string, McpTool> => {
    const tools = catalog.tools();
    if (!graphqlTool || tools.has(GRAPHQL_TOOL_NAME)) return tools;
    return new Map([...tools, [GRAPHQL_TOOL_NAME, graphqlTool]]);
  };

  // Open GET streams: the only way a stateless server reaches a client unasked (tools/list_changed).
  const streams = new Set<Server>();
  const announceChange = () => {
    for (const server of streams) {
      server
        .sendToolListChanged()
        .catch((error: unknown) => logger.warn({ err: error }, 'MCP notice not sent'));
    }
  };
  catalog.onChange(announceChange);
  supergraph.onReload(announceChange);

  const serve: RouteHandler = async (req, res, requestId) => {
    // Stateless: there is no session to end with DELETE (the spec's answer is 405).
    if (req.method !== 'POST' && req.method !== 'GET') {
      const allow = { allow: 'POST, GET' };
      sendJsonRpcError(res, 405, JSON_RPC.SERVER_ERROR, 'BAD_USER_INPUT', 'Method not allowed.', allow);
      return;
    }
    const caller = await authenticate(req.headers.authorization).catch((error: unknown) => {
      if (error instanceof AuthenticationError) return error;
      throw error;
    });
    if (caller instanceof AuthenticationError || caller.viewer.userId === null) {
      const message =
        caller instanceof AuthenticationError ? caller.message : 'Send "Authorization: Bearer <token>".';
      sendJsonRpcError(res, 401, JSON_RPC.SERVER_ERROR, 'UNAUTHENTICATED', message, {
        'www-authenticate': 'Bearer',
      });
      return;
    }
    try {
      await rateLimits.consume('mcp', {
        ...caller,
        address: clientAddressOf(req, config.TRUSTED_PROXY_HOPS),
      });
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      const retry = { 'retry-after': String(error.retryAfterSeconds) };
      sendJsonRpcError(res, 429, JSON_RPC.SERVER_ERROR, 'RATE_LIMITED', error.message, retry);
      return;
    }
    let body: unknown;
    try {
      body = req.method === 'POST' ? await readJsonBody(req, config.MAX_BODY_BYTES) : undefined;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendJsonRpcError(res, error.status, JSON_RPC.PARSE_ERROR, error.code, error.message);
      return;
    }

    const context = contextFor(caller, requestId);
    const execute: ExecuteGraphQL = async (request) => {
      const schema = supergraph.current()?.apiSchema;
      const checked =
        schema && limiter.check(schema, request.query, request.variables, request.operationName);
      if (checked && !('document' in checked)) return { data: null, errors: [checked.toJSON()] };
      const response = await apollo.executeOperation(request, { contextValue: context });
      if (response.body.kind !== 'single') throw new Error('an incremental result (@defer) from a tool');
      const { data, errors } = response.body.singleResult;
      return { data: data ?? null, ...(errors ? { errors } : {}) };
    };
    const server = createMcpServer({ tools: toolsNow(), execute, log: context.log, requestId });
    // No `sessionIdGenerator` is the SDK's stateless mode (the option left undefined; strict optional types
    // forbid spelling that out). POSTs get one JSON answer: tools send no progress, a stream would add nothing.
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
    if (req.method === 'GET') streams.add(server);
    res.on('close', () => {
      streams.delete(server);
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };

  // Whatever fails, an MCP client gets a JSON-RPC error it can parse (the kit's default is GraphQL-shaped).
  const handle: RouteHandler = (req, res, requestId) =>
    serve(req, res, requestId).catch((error: unknown) => {
      logger.error({ err: error, requestId }, 'MCP request failed');
      const message = `Internal error (request ${requestId}).`;
      sendJsonRpcError(res, 500, JSON_RPC.INTERNAL_ERROR, 'INTERNAL_SERVER_ERROR', message);
    });

  return {
    handle,
    close: () => {
      catalog.close();
      for (const server of streams) void server.close();
    },
  };
}
