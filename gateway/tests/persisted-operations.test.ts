import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, signDelegatedToken, type Viewer } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { startPrivateRedis } from '../../ops/src/testing/redis-server.ts';
import { loadGatewayConfig } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';
import { ARBITRARY_OPERATIONS_SCOPE } from '../src/limits/persisted-operations.ts';
import { createInventory, createReviews, writeSupergraph } from './fixture-federation.ts';
import { connect, record } from './ws-client.ts';

const REGISTERED = '# Who the caller is.\nquery WhoAmI { whoami }\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Two gateway replicas with the safelist on, sharing one real redis-server. */
describe('gateway: safelist, persisted queries and rate limits shared by replicas', () => {
  let inventory: RunningSubgraph;
  let reviews: RunningSubgraph;
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  const replicas: GatewayService[] = [];
  const urls: string[] = [];
  const member: Viewer = { userId: 'usr_7', roles: [], scopes: [] };
  const tool: Viewer = { userId: 'usr_8', roles: [], scopes: [ARBITRARY_OPERATIONS_SCOPE] };

  const post = async (url: string, body: unknown, viewer: Viewer = member) => {
    const token = await signDelegatedToken(viewer, TEST_SECRET, 3_600);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      ...((await response.json()) as {
        data?: unknown;
        errors?: Array<{ extensions?: Record<string, unknown> }>;
      }),
    };
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    inventory = await startSubgraph(await createInventory());
    reviews = await startSubgraph(await createReviews());
    const operationsDir = mkdtempSync(join(tmpdir(), 'sophia-safelist-'));
    writeFileSync(join(operationsDir, 'whoami.graphql'), REGISTERED);
    const supergraph = writeSupergraph({ inventory: inventory.url, reviews: reviews.url });
    for (let i = 0; i < 2; i++) {
      const config = loadGatewayConfig(
        {
          SUPERGRAPH_PATH: supergraph,
          INTERNAL_TOKEN_SECRET: TEST_SECRET,
          MCP_OPERATIONS_DIR: operationsDir,
          DASHBOARD_DOCUMENTS_PATH: join(operationsDir, 'none.ts'),
          SAFELIST_ENABLED: 'true',
          REDIS_URL: redis.url,
          RATE_LIMIT_COST_PER_MINUTE: '40',
        },
        {},
      );
      const gateway = await createGateway(config, { logger: createLogger('gateway', 'silent') });
      replicas.push(gateway);
      urls.push((await gateway.listen(0, '127.0.0.1')).url);
    }
  });
  afterAll(async () => {
    for (const gateway of replicas) await gateway.close();
    await inventory.close();
    await reviews.close();
    await redis.stop();
  });

  it('runs a registered document however it is formatted, and refuses any other', async () => {
    const ok = await post(urls[0]!, { query: 'query   WhoAmI {\n  whoami\n}' });
    expect(ok).toMatchObject({ status: 200, data: { whoami: 'usr_7' } });
    const refused = await post(urls[0]!, { query: 'query Other { whoami products { name } }' });
    expect(refused.status).toBe(400);
    expect(refused.errors).toMatchObject([{ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }]);
  });

  it('lets a caller with the arbitrary-operations scope send any operation', async () => {
    const reply = await post(urls[0]!, { query: '{ products { name } }' }, tool);
    expect(reply).toMatchObject({ status: 200, data: { products: [{ name: 'Desk' }, { name: 'Lamp' }] } });
  });

  it('refuses an unregistered document on a socket too', async () => {
    const token = await signDelegatedToken(member, TEST_SECRET, 3_600);
    const client = connect(urls[1]!, { authorization: `Bearer ${token}` });
    try {
      const ending = await record(client, { query: '{ products { id } }' }).ended;
      expect(ending).toMatchObject({
        kind: 'errors',
        errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }],
      });
    } finally {
      await client.dispose();
    }
  });

  it('shares automatic persisted queries between replicas through Redis', async () => {
    const query = 'query WhoAmI { whoami }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const unknown = await post(urls[1]!, { extensions }, tool);
    expect(unknown.errors).toMatchObject([
      { extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_FOUND' } },
    ]);
    expect((await post(urls[0]!, { query, extensions }, tool)).data).toEqual({ whoami: 'usr_8' });
    expect(await post(urls[1]!, { extensions }, tool)).toMatchObject({
      status: 200,
      data: { whoami: 'usr_8' },
    });
  });

  it('spends one budget per viewer across both replicas, then answers 429 with Retry-After', async () => {
    const spender: Viewer = { userId: 'usr_spender', roles: [], scopes: [ARBITRARY_OPERATIONS_SCOPE] };
    // `{ products { name } }` costs 1 + 10 × 1 = 11: three fit in 40, the fourth does not, whichever replica.
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await post(urls[i % 2]!, { query: '{ products { name } }' }, spender);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.errors).toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    expect(Number(last?.retryAfter)).toBeGreaterThan(0);
    // Another viewer's budget is untouched.
    expect((await post(urls[1]!, { query: 'query WhoAmI { whoami }' })).status).toBe(200);
  });
});
