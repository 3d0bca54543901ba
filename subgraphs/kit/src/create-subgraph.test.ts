import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createSubgraph } from './create-subgraph.ts';
import {
  gql,
  requireViewer,
  signViewerToken,
  VIEWER_CONNECTION_PARAM,
  ANONYMOUS,
  type BaseContext,
} from './index.ts';
import { createLogger } from './logger.ts';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from './testing/index.ts';

const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    whoami: String!
    boom: String
  }
  type Subscription {
    ticks(count: Int!): Int!
  }
`;

describe('createSubgraph', () => {
  let running: RunningSubgraph;
  beforeAll(async () => {
    const subgraph = await createSubgraph({
      name: 'probe',
      typeDefs,
      internalTokenSecret: TEST_SECRET,
      logger: createLogger('probe', 'silent'),
      createContext: (base) => base,
      resolvers: {
        Query: {
          whoami: (_: unknown, __: unknown, { viewer }: BaseContext) => requireViewer(viewer).userId,
          boom: () => {
            throw new Error('secret database detail');
          },
        },
        Subscription: {
          ticks: {
            subscribe: async function* (_: unknown, { count }: { count: number }) {
              for (let i = 1; i <= count; i++) yield { ticks: i };
            },
          },
        },
      },
    });
    running = await startSubgraph(subgraph);
  });
  afterAll(() => running.close());

  it('answers a signed request with the viewer from the signature', async () => {
    const response = await running.request<{ whoami: string }>('{ whoami }');
    expect(response.data).toEqual({ whoami: 'usr_001' });
  });

  it('refuses an unsigned request with 401 UNAUTHENTICATED', async () => {
    const response = await running.request('{ whoami }', { viewer: null });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await signViewerToken({ userId: 'usr_001', roles: [], scopes: [] }, 'x'.repeat(40));
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sophia-viewer': forged },
      body: JSON.stringify({ query: '{ whoami }' }),
    });
    expect(response.status).toBe(401);
  });

  it('lets an anonymous viewer through to resolvers, which decide', async () => {
    const response = await running.request('{ whoami }', { viewer: ANONYMOUS });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('masks unexpected errors as INTERNAL_SERVER_ERROR', async () => {
    const response = await running.request('{ boom }');
    expect(response.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(response)).not.toContain('secret database detail');
  });

  it('reports a malformed query as BAD_USER_INPUT', async () => {
    const response = await running.request('{ whoami');
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('serves health, readiness and metrics', async () => {
    const base = running.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('sophia_http_requests_total');
  });

  it('serves subscriptions over graphql-ws on the same port to a signed connection', async () => {
    const client = createClient({
      url: running.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: async () => ({
        [VIEWER_CONNECTION_PARAM]: await signViewerToken(
          { userId: 'usr_001', roles: [], scopes: [] },
          TEST_SECRET,
        ),
      }),
    });
    const seen: number[] = [];
    for await (const result of client.iterate<{ ticks: number }>({
      query: 'subscription { ticks(count: 3) }',
    })) {
      seen.push(result.data!.ticks);
    }
    expect(seen).toEqual([1, 2, 3]);
    await client.dispose();
  });

  it('closes an unsigned graphql-ws connection with 4403', async () => {
    const closed = await new Promise<number>((resolve) => {
      const client = createClient({
        url: running.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe(
        { query: 'subscription { ticks(count: 1) }' },
        { next() {}, error() {}, complete() {} },
      );
    });
    expect(closed).toBe(4403);
  });
});
