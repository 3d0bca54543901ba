import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { createLogger } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { loadGatewayConfig, DEV_JWT_SECRET } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';
import { overrideRoutingUrls } from '../src/supergraph-file.ts';
import { createInventory, createReviews, writeSupergraph } from './fixture-federation.ts';
import { devUsersDataDir } from './dev-users-dir.ts';

interface Reply {
  status: number;
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe('gateway', () => {
  let inventory: RunningSubgraph;
  let reviews: RunningSubgraph;
  let gateway: GatewayService;
  let url: string;
  let supergraphPath: string;

  const post = async (query: string, headers: Record<string, string> = {}): Promise<Reply> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const login = async (body?: unknown) =>
    fetch(url.replace('/graphql', '/auth/dev-login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body),
    });
  const bearer = async () => ({
    authorization: `Bearer ${((await (await login()).json()) as { token: string }).token}`,
  });

  beforeAll(async () => {
    inventory = await startSubgraph(await createInventory());
    reviews = await startSubgraph(await createReviews({ slowMs: 3_000 }));
    supergraphPath = writeSupergraph({ inventory: 'http://nowhere.invalid/graphql', reviews: reviews.url });
    const config = loadGatewayConfig(
      {
        SUPERGRAPH_PATH: supergraphPath,
        SUBGRAPH_URLS: `inventory=${inventory.url}`,
        SUBGRAPH_TIMEOUTS: 'reviews=1000',
        SUPERGRAPH_POLL_MS: '50',
        INTERNAL_TOKEN_SECRET: TEST_SECRET,
        SOPHIA_DATA_DIR: devUsersDataDir(),
      },
      {},
    );
    gateway = await createGateway(config, { logger: createLogger('gateway', 'silent') });
    url = (await gateway.listen(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await gateway.close();
    await inventory.close();
    await reviews.close();
  });

  it('joins fields from two subgraphs and forwards the signed viewer to each', async () => {
    const reply = await post('{ whoami products { name rating reviewedFor } }', await bearer());
    expect(reply.errors).toBeUndefined();
    expect(reply.data).toEqual({
      whoami: 'usr_001',
      products: [
        { name: 'Desk', rating: 4.5, reviewedFor: 'usr_001' },
        { name: 'Lamp', rating: 3.9, reviewedFor: 'usr_001' },
      ],
    });
  });

  it('passes a request without a token through as anonymous; subgraphs decide', async () => {
    const reply = await post('{ whoami products { name reviewedFor } }');
    expect(reply.data?.['whoami']).toBe('anonymous');
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', serviceName: 'reviews' });
  });

  it('refuses a forged or malformed token with 401 UNAUTHENTICATED', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_001')
      .sign(new TextEncoder().encode('f'.repeat(40)));
    for (const authorization of [`Bearer ${forged}`, 'Bearer not-a-jwt', 'Basic abc']) {
      const reply = await post('{ whoami }', { authorization });
      expect(reply.status).toBe(401);
      expect(reply.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });

  it('accepts a token signed with the development secret for any subject', async () => {
    const token = await new SignJWT({ roles: ['member'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_042')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    const reply = await post('{ whoami }', { authorization: `Bearer ${token}` });
    expect(reply.data).toEqual({ whoami: 'usr_042' });
  });

  it('issues development tokens for demo users and refuses unknown emails', async () => {
    const ceo = (await (await login()).json()) as { user: { id: string } };
    expect(ceo.user.id).toBe('usr_001');
    const unknown = await login({ email: 'nobody@example.com' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Reply).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect((await login({ email: 42 })).status).toBe(400);
  });

  it('answers a malformed query and an unknown field with BAD_USER_INPUT', async () => {
    for (const query of ['{ products { name ', '{ products { price } }']) {
      const reply = await post(query, await bearer());
      expect(reply.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
  });

  it('stamps a slow subgraph as DOWNSTREAM_SERVICE_ERROR with its name and keeps the rest', async () => {
    const reply = await post('{ whoami slow }', await bearer());
    expect(reply.data?.['whoami']).toBe('usr_001');
    expect(reply.errors?.[0]?.extensions).toMatchObject({
      code: 'DOWNSTREAM_SERVICE_ERROR',
      serviceName: 'reviews',
    });
  });

  it('names an unreachable subgraph and still returns what the others gave', async () => {
    const stopped = await startSubgraph(await createReviews());
    const path = writeSupergraph({ inventory: inventory.url, reviews: stopped.url });
    await stopped.close();
    const config = loadGatewayConfig({ SUPERGRAPH_PATH: path, INTERNAL_TOKEN_SECRET: TEST_SECRET }, {});
    const lonely = await createGateway(config, { logger: createLogger('gateway', 'silent') });
    const { url: lonelyUrl } = await lonely.listen(0, '127.0.0.1');
    try {
      const response = await fetch(lonelyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await bearer()) },
        body: JSON.stringify({ query: '{ whoami slow }' }),
      });
      const reply = (await response.json()) as Reply;
      expect(reply.data?.['whoami']).toBe('usr_001');
      expect(reply.errors?.[0]?.message).toContain('reviews');
      expect(reply.errors?.[0]?.extensions).toMatchObject({
        code: 'DOWNSTREAM_SERVICE_ERROR',
        serviceName: 'reviews',
      });
    } finally {
      await lonely.close();
    }
  });

  it('reloads the supergraph when its file changes', async () => {
    const current = readFileSync(supergraphPath, 'utf8');
    const next = writeSupergraph(
      { inventory: 'http://nowhere.invalid/graphql', reviews: reviews.url },
      'extend type Query { added: String }',
    );
    writeFileSync(supergraphPath, readFileSync(next, 'utf8'));
    const fields = async () =>
      (
        (await post('{ __type(name: "Query") { fields { name } } }')).data?.['__type'].fields as {
          name: string;
        }[]
      ).map((f) => f.name);
    await expect.poll(fields, { interval: 50, timeout: 5_000 }).toContain('added');
    writeFileSync(supergraphPath, current);
    await expect.poll(fields, { interval: 50, timeout: 5_000 }).not.toContain('added');
  });

  it('serves Apollo Sandbox to a browser at GET /graphql', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('sandbox');
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    const base = url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('sophia_graphql_operation_duration_seconds');
  });
});

describe('overrideRoutingUrls', () => {
  it('replaces only the named subgraph URLs', () => {
    const sdl =
      'enum join__Graph { A @join__graph(name: "a", url: "http://a") B @join__graph(name: "b", url: "http://b") }';
    expect(overrideRoutingUrls(sdl, { b: 'http://b2:1/graphql' })).toBe(
      'enum join__Graph { A @join__graph(name: "a", url: "http://a") B @join__graph(name: "b", url: "http://b2:1/graphql") }',
    );
  });
});
