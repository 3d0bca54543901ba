import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ANONYMOUS, createLogger, signDelegatedToken, signViewerToken } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { loadGatewayConfig } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';
import { createInventory, createReviews, writeSupergraph } from './fixture-federation.ts';

/** A subgraph serving a viewer (the chat pipeline) calls back into the gateway with a delegated token. */
describe('gateway: delegated tokens from subgraphs, and never a viewer token', () => {
  let inventory: RunningSubgraph;
  let reviews: RunningSubgraph;
  let gateway: GatewayService;
  let base: string;
  const viewer = Object.freeze({ userId: 'usr_042', roles: ['member'], scopes: [] });

  const whoami = async (token: string) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ whoami products { reviewedFor } }' }),
    });
    return {
      status: response.status,
      ...((await response.json()) as { data?: unknown; errors?: unknown[] }),
    };
  };
  const listTools = async (token: string) =>
    fetch(`${base}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });

  beforeAll(async () => {
    inventory = await startSubgraph(await createInventory());
    reviews = await startSubgraph(await createReviews());
    const operationsDir = mkdtempSync(join(tmpdir(), 'sophia-mcp-ops-'));
    writeFileSync(join(operationsDir, 'whoami.graphql'), '# Who the caller is.\nquery WhoAmI { whoami }\n');
    const config = loadGatewayConfig(
      {
        SUPERGRAPH_PATH: writeSupergraph({ inventory: inventory.url, reviews: reviews.url }),
        INTERNAL_TOKEN_SECRET: TEST_SECRET,
        MCP_OPERATIONS_DIR: operationsDir,
      },
      {},
    );
    gateway = await createGateway(config, { logger: createLogger('gateway', 'silent') });
    base = (await gateway.listen(0, '127.0.0.1')).url.replace('/graphql', '');
  });
  afterAll(async () => {
    await gateway.close();
    await inventory.close();
    await reviews.close();
  });

  it('refuses the viewer token it signs for subgraphs, on /graphql and /mcp alike', async () => {
    const internal = await signViewerToken(viewer, TEST_SECRET);
    const reply = await whoami(internal);
    expect(reply.status).toBe(401);
    expect(reply.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
    expect((await listTools(internal)).status).toBe(401);
  });

  it('is accepted by /graphql as the viewer it names, forwarded to every subgraph', async () => {
    const reply = await whoami(await signDelegatedToken(viewer, TEST_SECRET));
    expect(reply).toEqual({
      status: 200,
      data: { whoami: 'usr_042', products: [{ reviewedFor: 'usr_042' }, { reviewedFor: 'usr_042' }] },
    });
  });

  it('is accepted by /mcp: the official client runs a tool as that viewer', async () => {
    const token = await signDelegatedToken(viewer, TEST_SECRET);
    const client = new Client({ name: 'chat', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    try {
      const result = await client.callTool({ name: 'WhoAmI', arguments: {} });
      expect(result.structuredContent).toEqual({ data: { whoami: 'usr_042' } });
    } finally {
      await client.close();
    }
  });

  it('is refused when forged, expired, or anonymous (for /mcp, which needs a signed-in caller)', async () => {
    const forged = await signDelegatedToken(viewer, 'x'.repeat(48));
    const expired = await signDelegatedToken(viewer, TEST_SECRET, 0);
    for (const token of [forged, expired]) {
      const reply = await whoami(token);
      expect(reply.status).toBe(401);
      expect(reply.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
      expect((await listTools(token)).status).toBe(401);
    }
    expect((await whoami(expired)).errors).toMatchObject([{ message: expect.stringContaining('expired') }]);
    const anonymous = await signDelegatedToken(ANONYMOUS, TEST_SECRET);
    expect((await whoami(anonymous)).data).toMatchObject({ whoami: 'anonymous' });
    const refused = await listTools(anonymous);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { data: { code: 'UNAUTHENTICATED' } } });
    expect((await listTools(await signDelegatedToken(viewer, TEST_SECRET))).status).toBe(200);
  });
});
