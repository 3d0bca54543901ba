import { once } from 'node:events';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ConfigError, createLogger, gql, signDelegatedToken, type Subgraph } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { loadGatewayConfig } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';
import { sampleSum } from './prometheus.ts';
import { createCatalog, createReviews, writeSupergraph, type Catalog } from './subscription-fixture.ts';
import { closeCodeOf, connect, execute, record } from './ws-client.ts';
import { devUsersDataDir } from './dev-users-dir.ts';

const BUFFER_EVENTS = 8;
const RENAMED = /* GraphQL */ `
  subscription Renamed {
    renamed {
      by
      product {
        id
        name
        rating
        reviewedFor
        reviews {
          stars
        }
      }
    }
  }
`;

describe('subscriptions through the gateway', () => {
  let catalog: Catalog;
  let catalogRunning: RunningSubgraph;
  let reviewsSubgraph: Subgraph;
  let reviews: RunningSubgraph;
  let gateway: GatewayService;
  let url: string;
  let supergraphPath: string;
  let authorization: string;
  const clients: Client[] = [];
  /** WebSocket upgrades the catalog subgraph has accepted: each is a socket the gateway opened to it. */
  let catalogUpgrades = 0;

  const client = (params: Record<string, unknown> = { authorization }) => {
    const opened = connect(url, params);
    clients.push(opened);
    return opened;
  };
  /** A client socket open until disposed, running one subscription after another as a chat client does. */
  const heldClient = (gatewayUrl = url, params: Record<string, unknown> = { authorization }) => {
    const opened = connect(gatewayUrl, params, { held: true });
    clients.push(opened);
    return opened;
  };
  const metricOf = async (service: GatewayService, name: string, labels?: Record<string, string>) =>
    sampleSum(await service.metrics.registry.metrics(), name, labels);
  const metric = (name: string, labels?: Record<string, string>) => metricOf(gateway, name, labels);
  const upstreamSockets = (service = gateway) =>
    metricOf(service, 'sophia_subscription_upstream_sockets', { subgraph: 'catalog' });
  const upstreamSocketsOpened = (service = gateway) =>
    metricOf(service, 'sophia_subscription_upstream_sockets_opened_total', { subgraph: 'catalog' });
  const startGateway = async (settings: Record<string, string> = {}) => {
    const config = loadGatewayConfig(
      {
        SUPERGRAPH_PATH: supergraphPath,
        SUPERGRAPH_POLL_MS: '50',
        INTERNAL_TOKEN_SECRET: TEST_SECRET,
        SOPHIA_DATA_DIR: devUsersDataDir(),
        SUBSCRIPTION_BUFFER_EVENTS: String(BUFFER_EVENTS),
        ...settings,
      },
      {},
    );
    const started = await createGateway(config, { logger: createLogger('gateway', 'silent') });
    return { gateway: started, url: (await started.listen(0, '127.0.0.1')).url };
  };
  /** Runs one `renamed` subscription on `socket` to its first event, then completes it from the client. */
  const renameOnce = async (socket: Client, name: string) => {
    const renamed = record(socket, { query: 'subscription { renamed { product { name } } }' });
    await expect.poll(() => catalog.renamedSubscribers()).toBe(1);
    await rename('p1', name);
    expect((await renamed.received(1))[0]?.data).toEqual({ renamed: { product: { name } } });
    renamed.stop();
    await expect.poll(() => catalog.renamedSubscribers()).toBe(0);
  };
  const reviewsFetches = async () =>
    sampleSum(
      await reviewsSubgraph.metrics.registry.metrics(),
      'sophia_graphql_operation_duration_seconds_count',
    );
  const catalogMetric = async (name: string) =>
    sampleSum(await catalog.subgraph.metrics.registry.metrics(), name);
  const rename = async (id: string, name: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({
        query: 'mutation($id: ID!, $n: String!) { rename(id: $id, name: $n) { id } }',
        variables: { id, n: name },
      }),
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    catalog = await createCatalog();
    catalogRunning = await startSubgraph(catalog.subgraph);
    catalog.subgraph.httpServer.on('upgrade', () => catalogUpgrades++);
    reviewsSubgraph = await createReviews();
    reviews = await startSubgraph(reviewsSubgraph);
    supergraphPath = writeSupergraph({ catalog: catalogRunning.url, reviews: reviews.url });
    ({ gateway, url } = await startGateway());
    const login = await fetch(url.replace('/graphql', '/auth/dev-login'), { method: 'POST' });
    authorization = `Bearer ${((await login.json()) as { token: string }).token}`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await gateway.close();
    await catalogRunning.close();
    await reviews.close();
  });

  it('delivers every event in order with fields from both subgraphs and the viewer forwarded to each', async () => {
    const renamed = record(client(), { query: RENAMED });
    await expect.poll(() => catalog.renamedSubscribers()).toBe(1);
    await rename('p1', 'Standing desk');
    await rename('p2', 'Floor lamp');
    await rename('p1', 'Desk');
    const results = await renamed.received(3);
    const product = (id: string, name: string, rating: number) => ({
      by: 'usr_001',
      product: {
        id,
        name,
        rating,
        reviewedFor: 'usr_001',
        reviews: [{ stars: 5 }, { stars: Math.round(rating) }],
      },
    });
    expect(results).toEqual([
      { data: { renamed: product('p1', 'Standing desk', 4.5) } },
      { data: { renamed: product('p2', 'Floor lamp', 3.9) } },
      { data: { renamed: product('p1', 'Desk', 4.5) } },
    ]);
    expect(await metric('sophia_subscriptions_active')).toBe(1);
    expect(await metric('sophia_subscription_upstream_sockets', { subgraph: 'catalog' })).toBe(1);
    expect(await metric('sophia_subscription_events_total', { subgraph: 'catalog', outcome: 'ok' })).toBe(3);
    expect(await metric('sophia_subscription_event_resolution_seconds_count')).toBe(3);

    // The test client closes its socket with its last operation, and the upstream socket goes with it.
    renamed.stop();
    await expect.poll(() => catalog.renamedSubscribers()).toBe(0);
    await expect.poll(() => catalogMetric('sophia_subscriptions_active')).toBe(0);
    await expect.poll(() => metric('sophia_subscriptions_active')).toBe(0);
    await expect.poll(() => metric('sophia_subscription_upstream_sockets')).toBe(0);
  });

  it('shares the upstream socket of a client socket, and one entity fetch per event among equal subscriptions', async () => {
    const socket = client();
    const recordings = [record(socket, { query: RENAMED }), record(socket, { query: RENAMED })];
    await expect.poll(() => catalog.renamedSubscribers()).toBe(2);
    expect(await metric('sophia_subscription_upstream_sockets', { subgraph: 'catalog' })).toBe(1);
    const fetchesBefore = await reviewsFetches();
    await rename('p2', 'Lamp');
    for (const recording of recordings) {
      expect((await recording.received(1))[0]?.data).toMatchObject({
        renamed: { product: { name: 'Lamp' } },
      });
    }
    expect((await reviewsFetches()) - fetchesBefore).toBe(1);
    await socket.dispose();
    await expect.poll(() => catalog.renamedSubscribers()).toBe(0);
    await expect.poll(() => metric('sophia_subscription_upstream_sockets')).toBe(0);
  });

  it("keeps a client socket's upstream socket for its next subscription, and closes it with the client socket", async () => {
    const socket = heldClient();
    const [upgrades, opened, open] = [
      catalogUpgrades,
      await upstreamSocketsOpened(),
      await upstreamSockets(),
    ];
    for (const name of ['Oak desk', 'Desk lamp', 'Desk']) {
      await renameOnce(socket, name);
      // Idle between subscriptions, but open for the next one.
      expect(await upstreamSockets()).toBe(open + 1);
    }
    expect(catalogUpgrades - upgrades).toBe(1);
    expect((await upstreamSocketsOpened()) - opened).toBe(1);
    await socket.dispose();
    await expect.poll(() => upstreamSockets()).toBe(open);
  });

  it('closes an idle upstream socket with a client socket closed with 4403 when its token expires', async () => {
    const viewer = { userId: 'usr_brief', roles: [], scopes: [] };
    const token = await signDelegatedToken(viewer, TEST_SECRET, 2);
    const socket = heldClient(url, { authorization: `Bearer ${token}` });
    const closed = new Promise<number>((resolve) =>
      socket.on('closed', (event) => resolve((event as { code: number }).code)),
    );
    const open = await upstreamSockets();
    await renameOnce(socket, 'Desk');
    expect(await upstreamSockets()).toBe(open + 1);
    expect(await closed).toBe(4403);
    await expect.poll(() => upstreamSockets()).toBe(open);
  });

  it.each([
    ['after SUBSCRIPTION_UPSTREAM_IDLE_MS', '100'],
    ['with its last subscription when SUBSCRIPTION_UPSTREAM_IDLE_MS is 0', '0'],
  ])('closes an idle upstream socket %s while the client socket stays open', async (_, idleMs) => {
    const started = await startGateway({ SUBSCRIPTION_UPSTREAM_IDLE_MS: idleMs });
    try {
      const socket = heldClient(started.url);
      let clientSocketClosed = false;
      socket.on('closed', () => (clientSocketClosed = true));
      for (const [index, name] of ['Idle desk', 'Desk'].entries()) {
        await renameOnce(socket, name);
        await expect.poll(() => upstreamSockets(started.gateway)).toBe(0);
        expect(await upstreamSocketsOpened(started.gateway)).toBe(index + 1);
      }
      expect(await execute(socket, { query: '{ products { id } }' })).toMatchObject({
        data: { products: [{}, {}] },
      });
      expect(clientSocketClosed).toBe(false);
    } finally {
      await started.gateway.close();
    }
  });

  it("closes a client socket's idle upstream socket when the gateway shuts down", async () => {
    const started = await startGateway();
    let closed = false;
    try {
      const socket = heldClient(started.url);
      await renameOnce(socket, 'Desk');
      expect(await upstreamSockets(started.gateway)).toBe(1);
      await started.gateway.close();
      closed = true;
      await expect.poll(() => upstreamSockets(started.gateway)).toBe(0);
    } finally {
      if (!closed) await started.gateway.close();
    }
  });

  it('refuses a SUBSCRIPTION_UPSTREAM_IDLE_MS that is negative, fractional or over ten minutes', () => {
    const problemsOf = (value: string) => {
      try {
        loadGatewayConfig({ SUBSCRIPTION_UPSTREAM_IDLE_MS: value }, {});
        return [];
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
    };
    for (const value of ['-1', '1.5', '600001', 'soon']) {
      expect(problemsOf(value)).toEqual([expect.stringContaining('SUBSCRIPTION_UPSTREAM_IDLE_MS')]);
    }
    expect(loadGatewayConfig({}, {}).SUBSCRIPTION_UPSTREAM_IDLE_MS).toBe(30_000);
    expect(loadGatewayConfig({ SUBSCRIPTION_UPSTREAM_IDLE_MS: '0' }, {}).SUBSCRIPTION_UPSTREAM_IDLE_MS).toBe(
      0,
    );
  });

  it('completes the client when the subgraph completes, and runs queries and mutations on the socket', async () => {
    const socket = client();
    const burst = record(socket, {
      query: 'subscription Burst($n: Int!) { burst(count: $n, size: 1) { seq product { rating } } }',
      variables: { n: 3 },
    });
    expect(await burst.ended).toEqual({ kind: 'completed' });
    expect(burst.results.map((result) => result.data)).toEqual(
      [1, 2, 3].map((seq) => ({ burst: { seq, product: { rating: 4.5 } } })),
    );
    expect(await execute(socket, { query: '{ topRated { rating reviewedFor } }' })).toEqual({
      data: { topRated: { rating: 4.5, reviewedFor: 'usr_001' } },
    });
    const renamed = await execute(socket, { query: 'mutation { rename(id: "p2", name: "Lamp") { name } }' });
    expect(renamed).toEqual({ data: { rename: { name: 'Lamp' } } });
  });

  it("ends a subscription with the subgraph's error, naming it, and keeps the socket", async () => {
    const socket = client();
    const refused = record(socket, { query: 'subscription { refused }' });
    const ending = await refused.ended;
    expect(refused.results).toEqual([{ data: { refused: 1 } }]);
    expect(ending).toMatchObject({
      kind: 'errors',
      errors: [{ message: 'No more for you.', extensions: { code: 'FORBIDDEN', serviceName: 'catalog' } }],
    });
    expect(await execute(socket, { query: '{ products { id } }' })).toEqual({
      data: { products: [{ id: 'p1' }, { id: 'p2' }] },
    });
  });

  it('answers operations that do not parse or validate with BAD_USER_INPUT and keeps the socket', async () => {
    const socket = client();
    for (const query of [
      'subscription { renamed { nope } }',
      'subscription { renamed ',
      'query($n: Int!) { products { id } }',
    ]) {
      const ending = await record(socket, { query }).ended;
      expect(ending).toMatchObject({ kind: 'errors', errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    }
    expect((await execute(socket, { query: '{ products { id } }' })).data).toBeTruthy();
  });

  it('refuses a socket without credentials with 4401 and one with bad credentials with 4403', async () => {
    expect(await closeCodeOf(url)).toBe(4401);
    expect(await closeCodeOf(url, { authorization: 'Bearer not-a-token' })).toBe(4403);
    expect(await closeCodeOf(url, { authorization: 'Basic abc' })).toBe(4403);
    const forwarded = client({ headers: { Authorization: authorization } });
    expect(await execute(forwarded, { query: '{ topRated { reviewedFor } }' })).toEqual({
      data: { topRated: { reviewedFor: 'usr_001' } },
    });
  });

  it('closes a socket that reads too slowly with 4413 after a bounded buffer, releasing the subgraph', async () => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
    await once(socket, 'message');
    const closed = once(socket, 'close') as Promise<[number]>;
    // The earlier tests' client sockets closed with their last operation, and their upstream sockets with them.
    await expect.poll(() => upstreamSockets()).toBe(0);
    const query = `subscription { burst(count: 5000, size: 65536) { seq padding } }`;
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    // Stop reading (ws has no public pause): the kernel's buffers fill, then the subscription's own buffer.
    const tcp = (socket as unknown as { _socket: Socket })._socket;
    tcp.pause();
    const delivered = await metric('sophia_subscription_events_total', { subgraph: 'catalog' });
    // Ended by the gateway (the client only stopped reading) once some events went out.
    const ended = async () =>
      (await metric('sophia_subscription_events_total', { subgraph: 'catalog' })) > delivered &&
      (await metric('sophia_subscriptions_active')) === 0;
    await expect.poll(ended, { timeout: 30_000 }).toBe(true);
    await expect.poll(() => catalogMetric('sophia_subscriptions_active')).toBe(0);
    tcp.resume();
    const [code] = await closed;
    expect(code).toBe(4413);
    await expect.poll(() => upstreamSockets()).toBe(0);
  });

  it('ends live subscriptions with SUBSCRIPTION_SCHEMA_RELOAD when the supergraph changes', async () => {
    const socket = client();
    const before = record(socket, { query: RENAMED });
    await expect.poll(() => catalog.renamedSubscribers()).toBe(1);
    writeSupergraph(
      { catalog: catalogRunning.url, reviews: reviews.url },
      supergraphPath,
      gql`
        extend type Query {
          added: String
        }
      `,
    );
    expect(await before.ended).toMatchObject({
      kind: 'errors',
      errors: [{ extensions: { code: 'SUBSCRIPTION_SCHEMA_RELOAD' } }],
    });
    await expect.poll(() => catalog.renamedSubscribers()).toBe(0);

    const after = record(socket, { query: RENAMED });
    await expect.poll(() => catalog.renamedSubscribers()).toBe(1);
    await rename('p1', 'Desk');
    expect((await after.received(1))[0]?.data).toMatchObject({ renamed: { product: { name: 'Desk' } } });
  });
});
