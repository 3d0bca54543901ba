import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { ANONYMOUS, verifyDelegatedToken, type Viewer } from '@sophia/kit';
import { TEST_SECRET } from '@sophia/kit/testing';

/** A scripted tool: its GraphQL result for the arguments, as the gateway's tools return it. */
export type FakeTool = (
  args: Record<string, unknown>,
  viewer: Viewer,
) => { data?: unknown; errors?: unknown[] } | Promise<{ data?: unknown; errors?: unknown[] }>;

export interface FakeMcpCall {
  readonly name: string;
  readonly args: Record<string, unknown>;
  readonly viewer: Viewer;
}

export interface FakeMcpServer {
  /** Base URL: the MCP endpoint is `${url}/mcp`, like the gateway's. */
  readonly url: string;
  readonly calls: FakeMcpCall[];
  /** The path of every HTTP request, in order (`/mcp` or `/operations`). */
  readonly requests: string[];
  readonly tools: Map<string, FakeTool>;
  close(): Promise<void>;
}

/**
 * A FAKE of the gateway's `/mcp` server and its `/operations` (the same tools by name, as plain JSON), not the
 * real one: it speaks real MCP (Streamable HTTP, stateless)
 * and accepts only the internal viewer token as its bearer token like the gateway (unless `requireViewer` is
 * false: then it stands for another MCP server), but its tools are scripted
 * per test instead of running GraphQL operations. `structuredContent` is `{data, errors}`.
 */
export async function startFakeMcpServer(
  tools: Record<string, FakeTool>,
  options: { requireViewer?: boolean } = {},
): Promise<FakeMcpServer> {
  const registry = new Map(Object.entries(tools));
  const calls: FakeMcpCall[] = [];
  const requests: string[] = [];

  /** One call, recorded: the tool's `{data, errors}`, or undefined when there is no such tool. */
  const run = async (name: string, args: Record<string, unknown>, viewer: Viewer) => {
    calls.push({ name, args, viewer });
    const tool = registry.get(name);
    if (!tool) return undefined;
    const result = await tool(args, viewer);
    return { data: result.data ?? null, errors: result.errors ?? [] };
  };

  /** `/operations` as the gateway answers it: `{"calls": [...]}` in, `{"results": [...]}` out, in order. */
  const operations = async (body: unknown, viewer: Viewer) => {
    const list =
      (body as { calls?: Array<{ name: string; arguments?: Record<string, unknown> }> }).calls ?? [];
    const results = await Promise.all(
      list.map(
        async ({ name, arguments: args }) =>
          (await run(name, args ?? {}, viewer)) ?? {
            data: null,
            errors: [{ message: `No operation is named ${name}.`, extensions: { code: 'NOT_FOUND' } }],
          },
      ),
    );
    return { results };
  };

  const mcpFor = (viewer: Viewer) => {
    const server = new Server({ name: 'fake-sophia', version: '0.0.0' }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: [...registry.keys()].map((name) => ({
        name,
        description: `The ${name} operation.`,
        inputSchema: { type: 'object' as const, properties: {}, additionalProperties: true },
      })),
    }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const { name } = request.params;
      const args = (request.params.arguments ?? {}) as Record<string, unknown>;
      const structuredContent = await run(name, args, viewer);
      if (!structuredContent) {
        return { isError: true, content: [{ type: 'text' as const, text: `Unknown tool ${name}` }] };
      }
      return {
        isError: structuredContent.errors.length > 0,
        structuredContent,
        content: [{ type: 'text' as const, text: JSON.stringify(structuredContent) }],
      };
    });
    return server;
  };

  const viewerOf = async (request: IncomingMessage) => {
    // A server that is not Sophia's (MCP_SERVERS) gets no viewer token.
    if (options.requireViewer === false) return ANONYMOUS;
    const header = request.headers.authorization ?? '';
    return verifyDelegatedToken(header.replace(/^Bearer /, ''), TEST_SECRET).catch(() => null);
  };

  const http = createServer((request, response) => {
    void (async () => {
      requests.push(request.url ?? '');
      const viewer = await viewerOf(request);
      const path = options.requireViewer === false ? ['/mcp'] : ['/mcp', '/operations'];
      if (!viewer || !path.includes(request.url ?? '')) {
        response.writeHead(viewer ? 404 : 401).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString()) as unknown) : undefined;
      if (request.url === '/operations') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(await operations(body, viewer)));
        return;
      }
      // Stateless (no session id generator): a fresh server per request, like the gateway's.
      const server = mcpFor(viewer);
      const transport = new StreamableHTTPServerTransport();
      response.on('close', () => void transport.close().then(() => server.close()));
      await server.connect(transport);
      await transport.handleRequest(request, response, body);
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    requests,
    tools: registry,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
