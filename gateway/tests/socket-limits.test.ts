import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createLogger, signDelegatedToken, type Viewer } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { loadGatewayConfig } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';
import { openRawWebSocket } from './raw-ws-client.ts';
import { createCatalog, createReviews, writeSupergraph } from './subscription-fixture.ts';
import { connect, record } from './ws-client.ts';

/** Socket caps and credential expiry on the gateway's graphql-ws endpoint. */
describe('gateway: socket limits', () => {
  let catalog: RunningSubgraph;
  let reviews: RunningSubgraph;
  let gateway: GatewayService;
  let url: string;
  const clients: Client[] = [];
  const open = async (viewer: Viewer, ttlSeconds = 3_600) => {
    const token = await signDelegatedToken(viewer, TEST_SECRET, ttlSeconds);
    const client = connect(url, { authorization: `Bearer ${token}` });
    clients.push(client);
    return client;
  };
  const activeSubscriptions = async () =>
    (await gateway.metrics.subscriptionsActive.get()).values[0]?.value ?? 0;
  const closeCode = (client: Client) =>
    new Promise<number>((resolve) =>
      client.on('closed', (event) => resolve((event as { code: number }).code)),
    );

  beforeAll(async () => {
    catalog = await startSubgraph((await createCatalog()).subgraph);
    reviews = await startSubgraph(await createReviews());
    const config = loadGatewayConfig(
      {
        SUPERGRAPH_PATH: writeSupergraph({ catalog: catalog.url, reviews: reviews.url }),
        INTERNAL_TOKEN_SECRET: TEST_SECRET,
        WS_MAX_SOCKETS_PER_VIEWER: '2',
        WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
      },
      {},
    );
    gateway = await createGateway(config, { logger: createLogger('gateway', 'silent') });
    url = (await gateway.listen(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await gateway.close();
    await catalog.close();
    await reviews.close();
  });

  it("refuses a viewer's third socket with 4429, and lets another viewer in", async () => {
    const viewer: Viewer = { userId: 'usr_many', roles: [], scopes: [] };
    // Each socket holds a live subscription, so it stays open.
    const held = [];
    for (let i = 0; i < 2; i++)
      held.push(record(await open(viewer), { query: 'subscription { renamed { by } }' }));
    await expect.poll(() => activeSubscriptions()).toBeGreaterThanOrEqual(2);
    const third = await open(viewer);
    const closed = closeCode(third);
    void record(third, { query: 'subscription { renamed { by } }' }).ended;
    expect(await closed).toBe(4429);
    const other = record(await open({ userId: 'usr_other', roles: [], scopes: [] }), {
      query: '{ products { id } }',
    });
    expect((await other.received(1))[0]?.data).toBeTruthy();
    for (const subscription of held) subscription.stop();
    await expect.poll(() => activeSubscriptions()).toBe(0);
  });

  it('refuses a third live subscription on one socket with a coded error, keeping the first two', async () => {
    const client = await open({ userId: 'usr_subs', roles: [], scopes: [] });
    const live = [
      record(client, { query: 'subscription { renamed { by } }' }),
      record(client, { query: 'subscription { renamed { by } }' }),
    ];
    await expect
      .poll(() => gateway.metrics.subscriptionsActive.get().then((g) => g.values[0]?.value ?? 0))
      .toBeGreaterThanOrEqual(2);
    const third = await record(client, { query: 'subscription { renamed { by } }' }).ended;
    expect(third).toMatchObject({ kind: 'errors', errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    for (const subscription of live) subscription.stop();
    await expect.poll(() => activeSubscriptions()).toBe(0);
  });

  it('gives back the place of a socket that left while its credentials were being checked', async () => {
    const viewer: Viewer = { userId: 'usr_hasty', roles: [], scopes: [] };
    const token = await signDelegatedToken(viewer, TEST_SECRET, 3_600);
    // Each says hello and hangs up at once: it is gone before its token is verified.
    for (let i = 0; i < 3; i++) {
      const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const gone = new Promise((resolve) => socket.once('close', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      socket.terminate();
      await gone;
    }
    // Neither of its two places was kept by a socket that left.
    const held = [];
    for (let i = 0; i < 2; i++)
      held.push(record(await open(viewer), { query: 'subscription { renamed { by } }' }));
    await expect.poll(() => activeSubscriptions()).toBe(2);
    for (const subscription of held) subscription.stop();
    await expect.poll(() => activeSubscriptions()).toBe(0);
  });

  it('closes a socket with 4403 when its token expires', async () => {
    const client = await open({ userId: 'usr_brief', roles: [], scopes: [] }, 2);
    const closed = closeCode(client);
    const live = record(client, { query: 'subscription { renamed { by } }' });
    await expect.poll(() => activeSubscriptions()).toBe(1);
    expect(await closed).toBe(4403);
    expect(await live.ended).toMatchObject({ kind: 'socket', code: 4403 });
  });

  it('runs nothing more on a socket it is closing for expired credentials, whatever the client still sends', async () => {
    const token = await signDelegatedToken({ userId: 'usr_late', roles: [], scopes: [] }, TEST_SECRET, 2);
    const raw = await openRawWebSocket(url, 'graphql-transport-ws');
    raw.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    expect(await raw.closed).toBe(4403);
    // A client that does not answer the close frame and goes on sending: a mutation must not run.
    const rename = { query: 'mutation { rename(id: "p1", name: "Hijacked") { id } }' };
    raw.send(JSON.stringify({ type: 'subscribe', id: 'late', payload: rename }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    raw.destroy();
    const check = record<{ products: Array<{ id: string; name: string }> }>(
      await open({ userId: 'usr_checker', roles: [], scopes: [] }),
      { query: '{ products { id name } }' },
    );
    const [result] = await check.received(1);
    expect(result?.data?.products).toContainEqual({ id: 'p1', name: expect.not.stringMatching('Hijacked') });
  });
});
