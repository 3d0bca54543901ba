import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { createLogger } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { loadGatewayConfig } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';
import { createInventory, createReviews, writeSupergraph } from './fixture-federation.ts';
import { devUsersDataDir } from './dev-users-dir.ts';

/** The SDK's own ajv (8, JSON Schema 2020-12, MCP's default dialect), strict, checking the meta-schema. */
const sdkRequire = createRequire(import.meta.resolve('@modelcontextprotocol/sdk/validation/ajv'));
const { Ajv2020 } = sdkRequire('ajv/dist/2020') as {
  Ajv2020: new (options: object) => { compile(schema: object): (data: unknown) => boolean };
};

/**
 * The fixture federation plus two fields only the supergraph has (the running inventory subgraph does not):
 * calling them is a real GraphQL error from the gateway, with a code.
 */
const EXTRA_SDL = `
  extend type Query {
    "Always fails: the subgraph does not have it."
    broken: String!
  }
  type Mutation {
    "Rates a product from 1 to 5."
    rate(productId: ID!, stars: Int = 5): Boolean
  }
`;

const OPERATIONS = {
  'products.graphql': `# Every product with its rating.
query Products {
  products {
    ...ProductFields
    rating
  }
}

# Who the gateway says the caller is.
query WhoAmI {
  whoami
}

query Broken {
  broken
}

fragment ProductFields on Product {
  id
  name
}
`,
  'rate.graphql': `# Rates a product.
# @destructiveHint false
mutation Rate($productId: ID!, $stars: Int = 5) {
  rate(productId: $productId, stars: $stars)
}
`,
  'README.md': 'not an operation',
};

describe('gateway /mcp', () => {
  let inventory: RunningSubgraph;
  let reviews: RunningSubgraph;
  let gateway: GatewayService;
  let base: string;
  let token: string;
  let operationsDir: string;
  const logger = createLogger('gateway', 'silent');
  const clients: Client[] = [];

  const connect = async (headers: Record<string, string> = { authorization: `Bearer ${token}` }) => {
    const client = new Client({ name: 'gateway-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers } }),
    );
    clients.push(client);
    return client;
  };
  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const toolNames = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();

  beforeAll(async () => {
    inventory = await startSubgraph(await createInventory());
    reviews = await startSubgraph(await createReviews());
    operationsDir = mkdtempSync(join(tmpdir(), 'sophia-mcp-ops-'));
    for (const [file, text] of Object.entries(OPERATIONS)) writeFileSync(join(operationsDir, file), text);
    const config = loadGatewayConfig(
      {
        SUPERGRAPH_PATH: writeSupergraph({ inventory: inventory.url, reviews: reviews.url }, EXTRA_SDL),
        INTERNAL_TOKEN_SECRET: TEST_SECRET,
        SOPHIA_DATA_DIR: devUsersDataDir(),
        MCP_OPERATIONS_DIR: operationsDir,
        MCP_ALLOW_ARBITRARY_GRAPHQL: 'true',
      },
      {},
    );
    gateway = await createGateway(config, { logger });
    base = (await gateway.listen(0, '127.0.0.1')).url.replace('/graphql', '');
    const login = await fetch(`${base}/auth/dev-login`, { method: 'POST' });
    token = ((await login.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await gateway.close();
    await inventory.close();
    await reviews.close();
  });

  it('lists one tool per operation with a valid input schema, a description and annotations', async () => {
    const { tools } = await (await connect()).listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['Broken', 'Products', 'Rate', 'WhoAmI', 'graphql']);
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    for (const tool of tools) expect(() => ajv.compile(tool.inputSchema), tool.name).not.toThrow();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t])) as Record<string, Tool>;
    expect(byName['Products']?.description).toBe('Every product with its rating.');
    expect(byName['Broken']?.description).toBe(
      'Runs the GraphQL query Broken.\n\nbroken: Always fails: the subgraph does not have it.',
    );
    expect(byName['Products']?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
    expect(byName['Rate']?.description).toBe('Rates a product.\n\nrate: Rates a product from 1 to 5.');
    expect(byName['Rate']?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(byName['Rate']?.inputSchema).toEqual({
      type: 'object',
      properties: {
        productId: { type: ['string', 'integer'] },
        stars: { type: ['integer', 'null'], minimum: -2147483648, maximum: 2147483647, default: 5 },
      },
      required: ['productId'],
      additionalProperties: false,
    });
    expect(byName['graphql']?.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('runs a tool through the gateway as the caller: the same data /graphql returns', async () => {
    const client = await connect();
    const products = await call(client, 'Products');
    const direct = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ products { id name rating } }' }),
    });
    expect(products.isError).toBeFalsy();
    expect(products.structuredContent).toEqual(await direct.json());
    expect(JSON.parse((products.content[0] as { text: string }).text)).toEqual(products.structuredContent);
    expect((await call(client, 'WhoAmI')).structuredContent).toEqual({ data: { whoami: 'usr_001' } });
  });

  it('answers GraphQL errors and invalid arguments as tool errors with codes', async () => {
    const client = await connect();
    for (const [name, args] of [
      ['Broken', {}],
      ['Rate', { productId: 'p1' }],
    ] as const) {
      const failed = await call(client, name, args);
      expect(failed.isError).toBe(true);
      expect((failed.structuredContent as any).errors[0].extensions).toEqual({
        code: 'DOWNSTREAM_SERVICE_ERROR',
        serviceName: 'inventory',
      });
    }
    for (const args of [{}, { productId: 'p1', stars: 'five' }, { productId: 'p1', colour: 'red' }]) {
      const invalid = await call(client, 'Rate', args);
      expect(invalid.isError, JSON.stringify(args)).toBe(true);
      expect((invalid.structuredContent as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    await expect(call(client, 'NoSuchTool')).rejects.toThrow(/Unknown tool/);
  });

  it('runs any query with the graphql tool when configured, and no mutation', async () => {
    const client = await connect();
    const ok = await call(client, 'graphql', {
      query: 'query Other { products { id } } query Q { whoami }',
      operationName: 'Q',
    });
    expect(ok.isError).toBeFalsy();
    expect(ok.structuredContent).toEqual({ data: { whoami: 'usr_001' } });
    const invalid = await call(client, 'graphql', { query: '{ products { price } }' });
    expect(invalid.isError).toBe(true);
    expect((invalid.structuredContent as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const mutation = await call(client, 'graphql', { query: 'mutation { rate(productId: "p1") }' });
    expect((mutation.structuredContent as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a missing or invalid token with 401 and a JSON-RPC error', async () => {
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } },
    };
    for (const authorization of [undefined, 'Bearer not-a-jwt']) {
      const response = await fetch(`${base}/mcp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify(initialize),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        jsonrpc: '2.0',
        error: { data: { code: 'UNAUTHENTICATED' } },
        id: null,
      });
    }
    await expect(connect({})).rejects.toMatchObject({ code: 401 });
    const remove = await fetch(`${base}/mcp`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(remove.status).toBe(405);
  });

  it('reloads the tools when an operation file changes, keeping the last good set over a broken file', async () => {
    const errors = vi.spyOn(logger, 'error');
    const loggedError = (text: string) =>
      errors.mock.calls.some(([fields]) => String((fields as { err?: Error }).err?.message).includes(text));
    const client = await connect();
    // A client's GET stream hears that the list changed; fetch resolves once the gateway holds the stream.
    const stream = await fetch(`${base}/mcp`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const notices = readUntil(stream, 'notifications/tools/list_changed');

    writeFileSync(
      join(operationsDir, 'extra.graphql'),
      '# Only names.\nquery ProductNames { products { name } }\n',
    );
    await vi.waitUntil(async () => (await toolNames(client)).includes('ProductNames'), { timeout: 30_000 });
    expect(await notices).toContain('"method":"notifications/tools/list_changed"');
    expect((await call(client, 'ProductNames')).structuredContent).toEqual({
      data: { products: [{ name: 'Desk' }, { name: 'Lamp' }] },
    });

    writeFileSync(join(operationsDir, 'extra.graphql'), 'query ProductNames { products { name ');
    await vi.waitUntil(() => loggedError('Syntax Error'), { timeout: 30_000 });
    expect(await toolNames(client)).toContain('ProductNames');

    writeFileSync(join(operationsDir, 'extra.graphql'), 'query Prices { products { price } }');
    await vi.waitUntil(() => loggedError('Cannot query field "price"'), { timeout: 30_000 });
    expect(await toolNames(client)).toContain('ProductNames');
    expect(await toolNames(client)).not.toContain('Prices');

    writeFileSync(join(operationsDir, 'extra.graphql'), 'query Names { products { name } }');
    await vi.waitUntil(async () => (await toolNames(client)).includes('Names'), { timeout: 30_000 });
    expect(await toolNames(client)).not.toContain('ProductNames');
    errors.mockRestore();
  });
});

/** Reads a server-sent event stream until `text` appears, then lets it go; resolves with what was read. */
async function readUntil(response: Response, text: string): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let seen = '';
  while (!seen.includes(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += value;
  }
  await reader.cancel();
  return seen;
}
