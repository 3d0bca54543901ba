import { resolve } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { HttpError, readJsonBody, type Logger, type RouteHandler } from '@sophia/kit';
import type { Caller, CallerAuthenticator } from '../auth/authenticate.ts';
import type { GatewayContext } from '../context.ts';
import type { GatewayConfig } from '../env.ts';
import type { OperationLimiter } from '../limits/operation-limits.ts';
import type { RateLimits } from '../limits/rate-limits.ts';
import type { SupergraphTracker } from '../subscriptions/supergraph-tracker.ts';
import { createAdmission, isRefusal } from './admit-caller.ts';
import { createExecutor } from './execute-as.ts';
import { createGraphQLTool, GRAPHQL_TOOL_NAME } from './graphql-tool.ts';
import { JSON_RPC, sendJsonRpcError } from './json-rpc-error.ts';
import { createMcpServer } from './mcp-server.ts';
import { watchOperationCatalog } from './operation-catalog.ts';
import { createOperationsRoute } from './operations-route.ts';
import type { McpTool } from './tool.ts';

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
  /** `/operations`: the same tools called by name as plain JSON, for Sophia's own services. */
  readonly operations: RouteHandler;
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

  const admission = createAdmission({
    authenticate,
    rateLimits,
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
  });
  const executorFor = createExecutor({ apollo, supergraph, limiter });

  const serve: RouteHandler = async (req, res, requestId) => {
    // Stateless: there is no session to end with DELETE (the spec's answer is 405).
    if (req.method !== 'POST' && req.method !== 'GET') {
      const allow = { allow: 'POST, GET' };
      sendJsonRpcError(res, 405, JSON_RPC.SERVER_ERROR, 'BAD_USER_INPUT', 'Method not allowed.', allow);
      return;
    }
    const caller = await admission.admit(req);
    if (isRefusal(caller)) {
      const { status, code, message, headers } = caller;
      sendJsonRpcError(res, status, JSON_RPC.SERVER_ERROR, code, message, headers);
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
    const execute = executorFor(context);
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
    operations: createOperationsRoute({
      tools: toolsNow,
      admission,
      executorFor,
      contextFor,
      maxBodyBytes: config.MAX_BODY_BYTES,
    }),
    close: () => {
      catalog.close();
      for (const server of streams) void server.close();
    },
  };
}
