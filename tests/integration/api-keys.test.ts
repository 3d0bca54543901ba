import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Client as McpClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { API_KEY_PREFIX, DEV_JWT_SECRET } from '@sophia/kit';
import { connect, execute, record } from '../../gateway/tests/ws-client.ts';
import { freePort } from '../../ops/src/launcher/ports.ts';
import { ServiceProcess } from '../../ops/src/launcher/service-process.ts';
import { SUBGRAPHS } from '../../ops/src/launcher/stack.ts';
import { startPrivateRedis } from '../../ops/src/testing/redis-server.ts';
import { generateCompany } from '../../ops/src/demo-data/company.ts';
import { startTestStack, TEST_ANCHOR, type RunningStack } from './stack-fixture.ts';

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id prefix scopes } errors { code message } }
}`;
const LIST = '{ apiKeys(includeInactive: true) { id name scopes prefix lastUsedAt revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } errors { code } } }';
const KPIS = '{ kpiCards { metric { id } value } }';

/**
 * Each replica trusts its last look at a key this long (10 minutes), longer than any test here may run: a
 * revoked key refused by the second replica within a test was refused because Redis told it, not because
 * its cache ran out.
 */
const CACHE_MS = '600000';
/** Cost one key may spend per minute, low enough to reach in a few dozen requests. */
const COST_PER_MINUTE = 3_000;

/** The chief executive as an identity provider would sign them with the admin role (development secret). */
const adminToken = () =>
  new SignJWT({ roles: ['admin', 'exec', 'member'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('usr_001')
    .setIssuedAt()
    .setExpirationTime('30m')
    .sign(new TextEncoder().encode(DEV_JWT_SECRET));

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
};

describe('API keys against real processes: two gateway replicas sharing Redis', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let stack: RunningStack;
  let replica: ServiceProcess;
  let admin: string;
  const gateways = () => [stack.gateway.url, replica.url];
  const post = async (gateway: string, query: string, token: string, variables = {}) => {
    const response = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: any;
      errors?: Array<{ message: string; extensions?: Record<string, any> }>;
    };
    return { status: response.status, headers: response.headers, ...body };
  };
  const createKey = async (name: string, scopes: string[]) => {
    const reply = await post(stack.gateway.url, CREATE, admin, { input: { name, scopes } });
    expect(reply.errors).toBeUndefined();
    expect(reply.data.createApiKey.errors).toEqual([]);
    return reply.data.createApiKey as { secret: string; apiKey: { id: string; prefix: string } };
  };
  const mcp = async (gateway: string, token: string) => {
    const client = new McpClient({ name: 'api-key-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${gateway}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    return client;
  };
  const explainOnFailure = () =>
    onTestFailed(() => console.log(stack.logs.filter((line) => !line.includes('"level":30')).join('\n')));

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = {
      REDIS_URL: redis.url,
      LOG_LEVEL: 'info',
      API_KEY_CACHE_MS: CACHE_MS,
      RATE_LIMIT_COST_PER_MINUTE: String(COST_PER_MINUTE),
    };
    stack = await startTestStack({ env });
    replica = new ServiceProcess(
      {
        name: 'gateway-2',
        entry: 'gateway/src/index.ts',
        port: await freePort(),
        env: {
          ...env,
          SOPHIA_DATA_DIR: stack.dataDir,
          SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
          SUBGRAPH_URLS: SUBGRAPHS.map(({ name }) => `${name}=${stack.subgraphs[name].url}/graphql`).join(
            ',',
          ),
        },
      },
      (service, line) => stack.logs.push(`${service}: ${line}`),
    );
    await replica.start();
    admin = await adminToken();
  }, 240_000);
  afterAll(async () => {
    await replica?.stop();
    await stack?.stop();
    await redis?.stop();
  });

  it('lets an admin create a key whose secret is shown once: never listed, never logged', async () => {
    explainOnFailure();
    const { secret, apiKey } = await createKey('CRM sync', ['kpi:read', 'sales:read']);
    expect(secret.startsWith(`${API_KEY_PREFIX}${apiKey.id}_`)).toBe(true);
    expect(apiKey.prefix).toBe(`${API_KEY_PREFIX}${apiKey.id}_`);
    const random = secret.slice(apiKey.prefix.length);
    // Used once, so the services had every chance to log it.
    const used = await post(stack.gateway.url, KPIS, secret);
    expect(used.status, JSON.stringify(used)).toBe(200);
    for (const gateway of gateways()) {
      const listed = await post(gateway, LIST, admin);
      expect(listed.data.apiKeys).toContainEqual(
        expect.objectContaining({ id: apiKey.id, name: 'CRM sync', scopes: ['kpi:read', 'sales:read'] }),
      );
      expect(JSON.stringify(listed)).not.toContain(random);
    }
    expect(stack.logs.length).toBeGreaterThan(0);
    expect(stack.logs.filter((line) => line.includes(random))).toEqual([]);
  });

  it('works as a Bearer token on /graphql, on graphql-ws and on /mcp, on either replica', async () => {
    explainOnFailure();
    const { secret } = await createKey('Agent', ['kpi:read', 'sales:read']);
    for (const gateway of gateways()) {
      const http = await post(gateway, KPIS, secret);
      expect(http.status).toBe(200);
      expect(http.data.kpiCards.length).toBeGreaterThan(0);

      const socket = connect(`${gateway}/graphql`, { authorization: `Bearer ${secret}` });
      const viaSocket = await execute(socket, { query: KPIS });
      expect(viaSocket.errors).toBeUndefined();
      expect(viaSocket.data?.['kpiCards']).toEqual(http.data.kpiCards);
      await socket.dispose();

      const client = await mcp(gateway, secret);
      const tool = (await client.callTool({ name: 'KpiCards', arguments: {} })) as CallToolResult & {
        structuredContent: any;
      };
      expect(tool.isError).toBeFalsy();
      const values = (cards: Array<{ value: number }>) => cards.map((card) => card.value);
      expect(values(tool.structuredContent.data.kpiCards)).toEqual(values(http.data.kpiCards));
      await client.close();
    }
  });

  it('refuses what the scopes do not cover: FORBIDDEN with missingScopes on HTTP, socket and MCP', async () => {
    explainOnFailure();
    const { secret } = await createKey('KPIs only', ['kpi:read']);
    const search = '{ searchMemories(query: "renewal") { score } }';
    const http = await post(stack.gateway.url, search, secret);
    expect(http.status).toBe(403);
    expect(http.data ?? null).toBeNull();
    expect(http.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['memory:read'] });
    // A persisted query sent by its hash alone is held to the same scopes.
    const persisted = {
      persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(search).digest('hex') },
    };
    const byHash = async (token: string, query?: string) => {
      const response = await fetch(`${stack.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...(query ? { query } : {}), extensions: persisted }),
      });
      return { status: response.status, ...((await response.json()) as { errors?: any[] }) };
    };
    expect((await byHash(admin, search)).status).toBe(200);
    const hashOnly = await byHash(secret);
    expect(hashOnly.status).toBe(403);
    expect(hashOnly.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      missingScopes: ['memory:read'],
    });
    const write = await post(stack.gateway.url, 'mutation { forget(id: "mem_x") { id } }', secret);
    expect(write.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      missingScopes: ['memory:write'],
    });

    const socket = connect(`${replica.url}/graphql`, { authorization: `Bearer ${secret}` });
    expect(await record(socket, { query: search }).ended).toEqual({
      kind: 'errors',
      errors: [
        {
          message: 'This API key lacks the scope(s) memory:read.',
          extensions: { code: 'FORBIDDEN', missingScopes: ['memory:read'] },
        },
      ],
    });
    const subscription = record(socket, { query: 'subscription { dealStageChanged { deal { id } } }' });
    expect(await subscription.ended).toMatchObject({
      kind: 'errors',
      errors: [{ extensions: { code: 'FORBIDDEN', missingScopes: ['sales:read'] } }],
    });
    await socket.dispose();

    const client = await mcp(replica.url, secret);
    const tool = (await client.callTool({
      name: 'SearchMemories',
      arguments: { query: 'renewal' },
    })) as CallToolResult & {
      structuredContent: any;
    };
    expect(tool.isError).toBe(true);
    expect(tool.structuredContent.errors[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      missingScopes: ['memory:read'],
    });
    await client.close();
  });

  it('lets no one but an admin create, list or revoke keys, and no key either', async () => {
    explainOnFailure();
    const { secret, apiKey } = await createKey('Directory reader', ['project:read', 'kpi:read']);
    const member = await stack.login();
    const attempts = [
      [CREATE, { input: { name: 'sneaky', scopes: ['kpi:read'] } }],
      [LIST, {}],
      [REVOKE, { id: apiKey.id }],
    ] as const;
    for (const [query, variables] of attempts) {
      const asMember = await post(stack.gateway.url, query, member, variables);
      expect(asMember.errors?.[0]?.extensions?.['code'], query).toBe('FORBIDDEN');
      expect(JSON.stringify(asMember.data ?? null)).not.toContain(API_KEY_PREFIX);
      // A key acts as its admin creator but never with the admin role, and has no project:write scope.
      const asKey = await post(stack.gateway.url, query, secret, variables);
      expect(asKey.errors?.[0]?.extensions?.['code'], query).toBe('FORBIDDEN');
    }
    const stillActive = await post(stack.gateway.url, KPIS, secret);
    expect(stillActive.status).toBe(200);
    // The demo's admin, signed in through the development login, may.
    const cto = generateCompany({ anchor: TEST_ANCHOR }).users.find(
      (u) => u.title === 'Chief Technology Officer',
    )!;
    const listed = await post(replica.url, LIST, await stack.login(cto.email));
    expect(listed.errors).toBeUndefined();
    expect(listed.data.apiKeys.map((key: { id: string }) => key.id)).toContain(apiKey.id);
  });

  it('refuses a forged key (right prefix and id, wrong secret) and an unknown one with 401 everywhere', async () => {
    explainOnFailure();
    const { apiKey } = await createKey('Forgery target', ['kpi:read']);
    const forged = `${apiKey.prefix}${'A'.repeat(43)}`;
    const unknown = `${API_KEY_PREFIX}0123456789abcdef_${'B'.repeat(43)}`;
    for (const key of [forged, unknown, `${API_KEY_PREFIX}short`]) {
      for (const gateway of gateways()) {
        const http = await post(gateway, KPIS, key);
        expect(http.status).toBe(401);
        expect(http.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
        const response = await fetch(`${gateway}/mcp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        expect(response.status).toBe(401);
        const socket = connect(`${gateway}/graphql`, { authorization: `Bearer ${key}` });
        expect(await record(socket, { query: KPIS }).ended).toEqual({ kind: 'socket', code: 4403 });
        await socket.dispose();
      }
    }
  });

  it('rate-limits each key on its own budget, shared by both replicas: 429 RATE_LIMITED with Retry-After', async () => {
    explainOnFailure();
    const { secret } = await createKey('Busy tool', ['sales:read']);
    const heavy = '{ topDeals(limit: 50) { id name amount } }';
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    let accepted = 0;
    for (let i = 0; i < 1_000 && !refused; i++) {
      const reply = await post(gateways()[i % 2]!, heavy, secret);
      if (reply.status === 429) refused = reply;
      else {
        expect(reply.status).toBe(200);
        accepted++;
      }
    }
    expect(refused?.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Both replicas spent one budget: neither let through a minute's worth on its own.
    expect(accepted).toBeLessThan(COST_PER_MINUTE / 50);
    for (const gateway of gateways()) expect((await post(gateway, heavy, secret)).status).toBe(429);
    // The admin who created it, and any other key, spend their own budgets.
    expect((await post(stack.gateway.url, KPIS, admin)).status).toBe(200);
    const other = await createKey('Quiet tool', ['kpi:read']);
    expect((await post(replica.url, KPIS, other.secret)).status).toBe(200);
  });

  it('revoked on one replica, refused on both at once and its open socket on the other closed with 4403', async () => {
    explainOnFailure();
    const { secret, apiKey } = await createKey('To revoke', ['kpi:read', 'sales:read']);
    // Both replicas have looked at the key and trust it for CACHE_MS from now on.
    for (const gateway of gateways()) expect((await post(gateway, KPIS, secret)).status).toBe(200);
    const socket = connect(`${replica.url}/graphql`, { authorization: `Bearer ${secret}` });
    expect((await execute(socket, { query: KPIS })).errors).toBeUndefined();
    const live = record(socket, { query: 'subscription { dealStageChanged { deal { id } } }' });

    const revoked = await post(stack.gateway.url, REVOKE, admin, { id: apiKey.id });
    expect(revoked.data.revokeApiKey).toMatchObject({ apiKey: { id: apiKey.id }, errors: [] });

    expect(await live.ended).toEqual({ kind: 'socket', code: 4403 });
    await socket.dispose();
    for (const gateway of gateways()) {
      await until(async () => (await post(gateway, KPIS, secret)).status === 401);
      const client = new McpClient({ name: 'revoked', version: '1.0.0' });
      await expect(
        client.connect(
          new StreamableHTTPClientTransport(new URL(`${gateway}/mcp`), {
            requestInit: { headers: { authorization: `Bearer ${secret}` } },
          }),
        ),
      ).rejects.toThrow(/401|Invalid API key/);
      const again = connect(`${gateway}/graphql`, { authorization: `Bearer ${secret}` });
      expect(await record(again, { query: KPIS }).ended).toEqual({ kind: 'socket', code: 4403 });
      await again.dispose();
    }
    const listed = await post(replica.url, LIST, admin);
    expect(listed.data.apiKeys.find((key: { id: string }) => key.id === apiKey.id)?.revokedAt).toMatch(
      /^\d{4}-/,
    );
  });
});
