import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createLogger, signDelegatedToken, signViewerToken } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { loadGatewayConfig } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';
import { MAX_OPERATION_CALLS } from '../src/mcp/operations-route.ts';
import { createInventory, createReviews, writeSupergraph } from './fixture-federation.ts';

/** Fields only the supergraph has: calling them is a real GraphQL error from the gateway, with a code. */
const EXTRA_SDL = `
  extend type Query {
    broken: String!
  }
  type Mutation {
    rate(productId: ID!, stars: Int = 5): Boolean
  }
`;

const OPERATIONS = `# Every product.
query Products {
  products {
    id
    name
    rating
  }
}

# Who the gateway says the caller is, and whom the reviews subgraph was told it serves.
query WhoAmI {
  whoami
  products {
    reviewedFor
  }
}

query Broken {
  broken
}

mutation Rate($productId: ID!, $stars: Int = 5) {
  rate(productId: $productId, stars: $stars)
}
`;

interface Answer {
  status: number;
  headers: Headers;
  body: { results?: Array<{ data: unknown; errors?: any[] }>; errors?: any[] };
}

/** The chat pipeline's way in: the tools /mcp serves, by name, as plain JSON, batched. */
describe('gateway /operations', () => {
  let inventory: RunningSubgraph;
  let reviews: RunningSubgraph;
  const gateways: GatewayService[] = [];
  let base: string;
  let limitedBase: string;
  const viewer = Object.freeze({ userId: 'usr_042', roles: ['member'], scopes: [] });
  let delegated: string;

  const start = async (env: Record<string, string>) => {
    const operationsDir = mkdtempSync(join(tmpdir(), 'sophia-ops-route-'));
    writeFileSync(join(operationsDir, 'products.graphql'), OPERATIONS);
    const config = loadGatewayConfig(
      {
        SUPERGRAPH_PATH: writeSupergraph({ inventory: inventory.url, reviews: reviews.url }, EXTRA_SDL),
        INTERNAL_TOKEN_SECRET: TEST_SECRET,
        MCP_OPERATIONS_DIR: operationsDir,
        ...env,
      },
      {},
    );
    const gateway = await createGateway(config, { logger: createLogger('gateway', 'silent') });
    gateways.push(gateway);
    return (await gateway.listen(0, '127.0.0.1')).url.replace('/graphql', '');
  };

  const post = async (body: unknown, token: string | null = delegated, at = base): Promise<Answer> => {
    const response = await fetch(`${at}/operations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    inventory = await startSubgraph(await createInventory());
    reviews = await startSubgraph(await createReviews());
    base = await start({});
    limitedBase = await start({ RATE_LIMIT_MCP_PER_MINUTE: '3' });
    delegated = await signDelegatedToken(viewer, TEST_SECRET);
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await inventory.close();
    await reviews.close();
  });

  it('runs several calls in one request, in order, each exactly as /mcp answers it, as the caller', async () => {
    const calls = [
      { name: 'WhoAmI', arguments: {} },
      { name: 'Products' },
      { name: 'Broken', arguments: {} },
      { name: 'Rate', arguments: { productId: 'p1', stars: 'five' } },
    ];
    const answer = await post({ calls });
    expect(answer.status).toBe(200);
    const results = answer.body.results!;
    expect(results).toHaveLength(4);
    // The viewer of the delegated token, forwarded to every subgraph: authorization is the viewer's own.
    expect(results[0]).toEqual({
      data: { whoami: 'usr_042', products: [{ reviewedFor: 'usr_042' }, { reviewedFor: 'usr_042' }] },
    });
    expect(results[2]!.errors![0].extensions.code).toBe('DOWNSTREAM_SERVICE_ERROR');
    expect(results[3]!.errors![0].extensions.code).toBe('BAD_USER_INPUT');

    const client = new Client({ name: 'operations-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${delegated}` } },
      }),
    );
    try {
      for (const [index, call] of calls.entries()) {
        const viaMcp = await client.callTool({ name: call.name, arguments: call.arguments ?? {} });
        expect(results[index], call.name).toEqual(viaMcp.structuredContent);
      }
    } finally {
      await client.close();
    }
  });

  it('answers an unknown operation NOT_FOUND in its place and runs the others', async () => {
    const answer = await post({ calls: [{ name: 'NoSuchOperation' }, { name: 'Products' }] });
    expect(answer.status).toBe(200);
    expect(answer.body.results![0]).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'NOT_FOUND' } }],
    });
    expect(answer.body.results![1]!.data).toMatchObject({ products: expect.any(Array) });
  });

  it('refuses callers without a token, and the viewer token it signs for subgraphs, with 401', async () => {
    for (const token of [null, 'not-a-jwt', await signViewerToken(viewer, TEST_SECRET)]) {
      const answer = await post({ calls: [{ name: 'WhoAmI' }] }, token);
      expect(answer.status, String(token)).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(answer.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('bounds the body: 1 to MAX_OPERATION_CALLS calls of a name and an arguments object, as JSON', async () => {
    const tooMany = Array.from({ length: MAX_OPERATION_CALLS + 1 }, () => ({ name: 'WhoAmI' }));
    for (const body of [
      {},
      { calls: [] },
      { calls: tooMany },
      { calls: [{ name: 7 }] },
      { calls: [{ name: 'WhoAmI', arguments: [1] }] },
      'not json',
    ]) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const get = await fetch(`${base}/operations`, { headers: { authorization: `Bearer ${delegated}` } });
    expect(get.status).toBe(405);
  });

  it('charges every call to the MCP rate budget: a batch cannot carry more calls than /mcp would allow', async () => {
    const two = await post({ calls: [{ name: 'WhoAmI' }, { name: 'WhoAmI' }] }, delegated, limitedBase);
    expect(two.status).toBe(200);
    const over = await post({ calls: [{ name: 'WhoAmI' }, { name: 'WhoAmI' }] }, delegated, limitedBase);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body.errors![0].extensions.code).toBe('RATE_LIMITED');
  });
});
