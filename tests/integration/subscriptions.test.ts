import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Client } from 'graphql-ws';
import { generateCompany } from '@sophia/ops';
import { sampleSum } from '../../gateway/tests/prometheus.ts';
import { closeCodeOf, connect, execute, record, type Recording } from '../../gateway/tests/ws-client.ts';
import { startTestStack, TEST_ANCHOR, type RunningStack } from './stack-fixture.ts';

/** A deal stage change with fields from sales (the event), project (owner) and memory (account memories). */
const DEAL_FIELDS = `id name stage owner { id name team { name } } account { id name memories(limit: 3) { id content } }`;
const DEAL_CHANGES = `subscription DealChanges { dealStageChanged { previousStage stage deal { ${DEAL_FIELDS} } } }`;
const DEAL_NOW = `query DealNow($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`;
const STAGES = `subscription Stages { dealStageChanged { stage deal { id owner { name } } } }`;
const MOVE = `mutation Move($id: ID!, $stage: DealStage!) { moveDealStage(id: $id, stage: $stage) { errors { code } } }`;

const prospects = generateCompany({ anchor: TEST_ANCHOR }).deals.filter(
  (deal) => deal.stage === 'PROSPECTING',
);

describe('federated subscriptions, every service its own process', () => {
  let stack: RunningStack;
  let token: string;
  const clients: Client[] = [];

  const open = ({ held = false } = {}) => {
    const client = connect(stack.graphqlUrl, { authorization: `Bearer ${token}` }, { held });
    clients.push(client);
    return client;
  };
  const move = async (id: string, stage: string) => {
    const { data, errors } = await stack.query(MOVE, { token, variables: { id, stage } });
    expect(errors).toBeUndefined();
    expect(data.moveDealStage.errors).toEqual([]);
  };
  const metric = async (service: string, name: string) =>
    sampleSum(await (await fetch(`${service}/metrics`)).text(), name);
  const salesActive = () => metric(stack.subgraphs.sales.url, 'sophia_subscriptions_active');
  const gatewayMetric = (name: string) => metric(stack.gateway.url, name);
  const explainOnFailure = () => onTestFailed(() => console.error(stack.logs.slice(-60).join('\n')));

  beforeAll(async () => {
    stack = await startTestStack();
    token = await stack.login();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stack?.stop();
  });

  it('gives every event the fields of three subgraphs, as a query would read them', async () => {
    explainOnFailure();
    const changes = record<{ dealStageChanged: any }>(open(), { query: DEAL_CHANGES });
    await expect.poll(salesActive).toBe(1);
    const moved = prospects.slice(0, 3);
    for (const deal of moved) await move(deal.id, 'QUALIFICATION');
    const events = (await changes.received(3)).map((result) => {
      expect(result.errors).toBeUndefined();
      return result.data!.dealStageChanged;
    });
    for (const [index, deal] of moved.entries()) {
      const now = await stack.query(DEAL_NOW, { token, variables: { id: deal.id } });
      expect(now.errors).toBeUndefined();
      expect(events[index]).toEqual({
        previousStage: 'PROSPECTING',
        stage: 'QUALIFICATION',
        deal: now.data.deal,
      });
    }
    expect(events.every((event) => event.deal.owner.name && event.deal.owner.team.name)).toBe(true);
    expect(events.some((event) => event.deal.account.memories.length > 0)).toBe(true);
    changes.stop();
    await expect.poll(salesActive).toBe(0);
  });

  it("reuses the gateway's socket to sales for a client socket's next subscription, and closes it with the client socket", async () => {
    explainOnFailure();
    const client = open({ held: true });
    const upstream = () => gatewayMetric('sophia_subscription_upstream_sockets');
    const opened = () => gatewayMetric('sophia_subscription_upstream_sockets_opened_total');
    // The earlier tests' client sockets closed with their last operation, and their upstream sockets with them.
    await expect.poll(upstream).toBe(0);
    const openedBefore = await opened();
    const deal = prospects[5]!;
    // One subscription after another on one socket, as a client following one chat reply after another does.
    for (const stage of ['QUALIFICATION', 'PROPOSAL']) {
      const stages = record<{ dealStageChanged: any }>(client, { query: STAGES });
      await expect.poll(salesActive).toBe(1);
      await move(deal.id, stage);
      expect((await stages.received(1))[0]?.data?.dealStageChanged.stage).toBe(stage);
      stages.stop();
      await expect.poll(salesActive).toBe(0);
      expect(await upstream()).toBe(1);
    }
    expect((await opened()) - openedBefore).toBe(1);
    await client.dispose();
    await expect.poll(upstream).toBe(0);
  });

  it('delivers every event in order to 200 subscriptions on one socket and 200 across 50 sockets', async () => {
    explainOnFailure();
    const shared = open();
    const recordings: Recording<{ dealStageChanged: any }>[] = [];
    for (let i = 0; i < 200; i++) recordings.push(record(shared, { query: STAGES }));
    for (let socket = 0; socket < 50; socket++) {
      const client = open();
      for (let i = 0; i < 4; i++) recordings.push(record(client, { query: STAGES }));
    }
    await expect.poll(salesActive, { timeout: 30_000 }).toBe(400);
    expect(await gatewayMetric('sophia_subscriptions_active')).toBe(400);
    expect(await gatewayMetric('sophia_subscription_upstream_sockets')).toBe(51);

    const deal = prospects[3]!;
    const stages = ['QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];
    for (const stage of stages) await move(deal.id, stage);
    for (const recording of recordings) {
      const results = await recording.received(stages.length);
      expect(results.map((result) => result.data?.dealStageChanged.stage)).toEqual(stages);
      expect(results.every((result) => result.data?.dealStageChanged.deal.owner.name)).toBe(true);
    }

    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await expect.poll(salesActive, { timeout: 30_000 }).toBe(0);
    await expect.poll(() => gatewayMetric('sophia_subscriptions_active')).toBe(0);
    await expect.poll(() => gatewayMetric('sophia_subscription_upstream_sockets')).toBe(0);
  });

  it('closes a socket without a token with 4401 and one with a bad token with 4403', async () => {
    expect(await closeCodeOf(stack.graphqlUrl)).toBe(4401);
    expect(await closeCodeOf(stack.graphqlUrl, { authorization: `Bearer ${token.slice(0, -4)}AAAA` })).toBe(
      4403,
    );
    expect(await closeCodeOf(stack.graphqlUrl, { authorization: 'Bearer not-a-jwt' })).toBe(4403);
  });

  it('names the owning subgraph when it dies mid-stream and keeps answering queries on the socket', async () => {
    explainOnFailure();
    const client = open();
    const changes = record<{ dealStageChanged: any }>(client, { query: STAGES });
    await expect.poll(salesActive).toBe(1);
    await move(prospects[4]!.id, 'QUALIFICATION');
    await changes.received(1);

    await stack.subgraphs.sales.stop('SIGKILL');
    const ending = await changes.ended;
    expect(ending).toMatchObject({
      kind: 'errors',
      errors: [{ extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'sales' } }],
    });
    expect(ending.kind === 'errors' && ending.errors[0]?.message).toContain('sales');
    expect(await execute(client, { query: '{ me { id name } }' })).toMatchObject({
      data: { me: { id: 'usr_001' } },
    });
    await expect.poll(() => gatewayMetric('sophia_subscriptions_active')).toBe(0);
  });
});
