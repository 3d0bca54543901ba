import type { Viewer } from '@sophia/kit';
import { ToolCallError, type ToolInvoker } from '../pipeline/answer-contract.ts';
import type { McpServerSpec } from '../env.ts';
import type { McpConnection, McpTool } from './mcp-connection.ts';
import type { McpConnectionPool } from './mcp-connection-pool.ts';
import { OperationsClient, OperationsRefusedError, type OperationResult } from './operations-client.ts';
import type { RequestGate, RequestPriority } from './request-gate.ts';
import { viewerAuthorization, viewerFetch } from './viewer-fetch.ts';

/** The gateway's own MCP server: its tools keep their plain names (`KpiCards`, `SearchMemories`, ...). */
export const GATEWAY_SERVER = 'sophia';
/** Tools of the other servers are named `<server>__<tool>`, so names never collide. */
const SEPARATOR = '__';

/** A tool as offered to an LLM, under its toolbox name. */
export interface ToolSpec extends McpTool {
  readonly server: string;
}

/** The tools one reply may use, as its viewer (over connections the pool keeps between replies). */
export interface Toolbox extends ToolInvoker {
  /** A call at a priority: `background` work (after the reply ended) waits behind answers for a slot. */
  call(
    name: string,
    args: Readonly<Record<string, unknown>>,
    priority?: RequestPriority,
  ): Promise<Record<string, unknown>>;
  listTools(signal?: AbortSignal): Promise<ToolSpec[]>;
  /** Which server a toolbox name belongs to. */
  serverOf(name: string): string;
}

/**
 * How the gateway's own tools are called: `operations` (POST /operations: plain JSON, independent calls in
 * one request) or `mcp` (an MCP session with /mcp, as any MCP client does). Both run the same operations as
 * the viewer; listing tools for an LLM and other servers' tools always use MCP.
 */
export type GatewayToolTransport = 'operations' | 'mcp';

export interface ToolboxOptions {
  /** The gateway's base URL; its MCP server is at `/mcp`, its operations at `/operations`. */
  readonly gatewayUrl: string;
  /** @default 'operations' */
  readonly transport?: GatewayToolTransport;
  readonly servers: readonly McpServerSpec[];
  readonly viewer: Viewer;
  readonly internalTokenSecret: string;
  readonly timeoutMs: number;
  /** Aborts calls in flight (the reply was cancelled). */
  readonly signal?: AbortSignal;
  /** Connections kept between replies. */
  readonly pool: McpConnectionPool;
  /** Bounds the requests to the gateway in flight, shared by every reply of the process. */
  readonly gate?: RequestGate;
}

export type ToolboxFactory = (options: Pick<ToolboxOptions, 'viewer' | 'signal'>) => Toolbox;

const DOWNSTREAM = 'DOWNSTREAM_SERVICE_ERROR';

/** The first GraphQL error's code (the gateway's tools return `{data, errors}` as structured content). */
function graphqlError(
  structured: OperationResult | Record<string, unknown> | undefined,
): { code: string; message: string } | null {
  const errors = (structured as Record<string, unknown> | undefined)?.['errors'];
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const first = (errors[0] ?? {}) as { message?: unknown; extensions?: { code?: unknown } };
  return {
    code: typeof first.extensions?.code === 'string' ? first.extensions.code : DOWNSTREAM,
    message: typeof first.message === 'string' ? first.message : 'The tool returned an error.',
  };
}

/** The GraphQL `data` of a gateway tool's result. */
function dataOf(structured: OperationResult | Record<string, unknown> | undefined): Record<string, unknown> {
  const data = (structured as { data?: unknown } | undefined)?.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

/** The gateway's MCP tools plus the configured servers', authenticated as the reply's viewer. */
export function createToolbox(options: ToolboxOptions): Toolbox {
  const { viewer, pool } = options;
  const gatewayKey = `${GATEWAY_SERVER} ${JSON.stringify([viewer.userId, viewer.roles, viewer.scopes])}`;
  const gatewayUrl = new URL('/mcp', options.gatewayUrl).href;
  const gateway = () =>
    pool.get(gatewayKey, gatewayUrl, () => viewerFetch(viewer, options.internalTokenSecret));
  const operations =
    (options.transport ?? 'operations') === 'operations'
      ? new OperationsClient({
          url: new URL('/operations', options.gatewayUrl).href,
          authorization: viewerAuthorization(viewer, options.internalTokenSecret),
          timeoutMs: options.timeoutMs,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.gate ? { gate: options.gate } : {}),
        })
      : undefined;
  // Other servers are not Sophia's: they get no viewer token, so every viewer shares one connection.
  const urls = new Map(options.servers.map((s) => [s.name, s.url]));
  const other = (server: string, url: string) => pool.get(server, url, () => globalThis.fetch);

  const route = (name: string): { server: string; key: string; connection: McpConnection; tool: string } => {
    const at = name.indexOf(SEPARATOR);
    if (at <= 0) return { server: GATEWAY_SERVER, key: gatewayKey, connection: gateway(), tool: name };
    const server = name.slice(0, at);
    const url = urls.get(server);
    if (!url) throw new ToolCallError(name, 'NOT_FOUND', `No MCP server is named ${server}.`);
    return { server, key: server, connection: other(server, url), tool: name.slice(at + SEPARATOR.length) };
  };

  return {
    scope: gatewayKey,
    serverOf: (name) => {
      const at = name.indexOf(SEPARATOR);
      return at > 0 ? name.slice(0, at) : GATEWAY_SERVER;
    },
    call: async (name, args, priority = 'answer') => {
      if (operations && name.indexOf(SEPARATOR) <= 0) {
        let result: OperationResult;
        try {
          result = await operations.call(name, args, priority);
        } catch (error) {
          if (options.signal?.aborted) throw error;
          if (error instanceof OperationsRefusedError)
            throw new ToolCallError(name, error.code, error.message);
          const reason = error instanceof Error ? error.message : String(error);
          throw new ToolCallError(name, DOWNSTREAM, `The gateway failed: ${reason}`);
        }
        const failure = graphqlError(result);
        if (failure) throw new ToolCallError(name, failure.code, failure.message);
        return dataOf(result);
      }
      const { server, key, connection, tool } = route(name);
      let result;
      try {
        const callTool = () =>
          connection.callTool(tool, args, {
            timeoutMs: options.timeoutMs,
            ...(options.signal ? { signal: options.signal } : {}),
          });
        // Only the gateway's calls take a slot: the gate keeps Sophia's own services' queues short.
        result =
          options.gate && server === GATEWAY_SERVER
            ? await options.gate.run(callTool, priority, options.signal)
            : await callTool();
      } catch (error) {
        if (options.signal?.aborted) throw error;
        pool.evict(key);
        const reason = error instanceof Error ? error.message : String(error);
        throw new ToolCallError(name, DOWNSTREAM, `The ${server} MCP server failed: ${reason}`);
      }
      const failure = graphqlError(result.structuredContent);
      if (failure) throw new ToolCallError(name, failure.code, failure.message);
      if (result.isError) throw new ToolCallError(name, DOWNSTREAM, result.text || `${name} failed.`);
      if (server === GATEWAY_SERVER) return dataOf(result.structuredContent);
      return result.structuredContent ?? { text: result.text };
    },
    listTools: async (signal) => {
      const lists = await Promise.all([
        gateway()
          .listTools(signal)
          .then((tools) => tools.map((t) => ({ ...t, server: GATEWAY_SERVER }))),
        ...[...urls].map(([server, url]) =>
          other(server, url)
            .listTools(signal)
            .then((tools) => tools.map((t) => ({ ...t, name: `${server}${SEPARATOR}${t.name}`, server })))
            // A configured server that is down costs its tools, not the answer.
            .catch(() => []),
        ),
      ]);
      return lists.flat();
    },
  };
}
