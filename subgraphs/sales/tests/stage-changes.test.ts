import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, signViewerToken, VIEWER_CONNECTION_PARAM, type Subgraph, type Viewer } from '@sophia/kit';
import { CEO, startSubgraph, TEST_ANCHOR, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { company, createSales, dataOf } from './harness.ts';
import {
  STORE_BACKENDS,
  startStoreBackend,
  type StoreBackend,
} from '../../kit/tests/store-contract-backends.ts';

const MOVE = `mutation($id: ID!, $stage: DealStage!) {
  moveDealStage(id: $id, stage: $stage) { deal { id stage status probability closeDate } errors { field code message } }
}`;
const CHANGES = `subscription($ownerId: ID) {
  dealStageChanged(ownerId: $ownerId) { previousStage stage changedAt deal { id stage stageHistory { stage enteredAt } } }
}`;

interface Change {
  previousStage: string;
  stage: string;
  changedAt: string;
  deal: { id: string; stage: string; stageHistory: { stage: string; enteredAt: string }[] };
}

const prospects = company.deals.filter((deal) => deal.stage === 'PROSPECTING');

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('deal stage changes on %s', (dialect) => {
  let backend: StoreBackend;
  let subgraph: Subgraph;
  let running: RunningSubgraph;
  const clients: Client[] = [];

  const connect = (viewer: Viewer = CEO) => {
    const client = createClient({
      url: running.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: async () => ({
        [VIEWER_CONNECTION_PARAM]: await signViewerToken(viewer, TEST_SECRET),
      }),
    });
    clients.push(client);
    return client;
  };
  const move = async (id: string, stage: string, viewer: Viewer = CEO) =>
    await running.request<{ moveDealStage: any }>(MOVE, { variables: { id, stage }, viewer });
  const active = async () =>
    (await subgraph.metrics.registry.getSingleMetric('sophia_subscriptions_active')?.get())?.values[0]?.value;

  /** Subscribes, waits until the subgraph serves it, runs `act`, then returns the first `count` events. */
  const changesDuring = async (
    count: number,
    act: () => Promise<void>,
    variables = {},
  ): Promise<Change[]> => {
    const iterator = connect().iterate<{ dealStageChanged: Change }>({ query: CHANGES, variables });
    const first = iterator.next();
    await expect.poll(active).toBe(1);
    await act();
    const events: Change[] = [];
    for (let result = await first; !result.done; result = await iterator.next()) {
      events.push(result.value.data!.dealStageChanged);
      if (events.length === count) break;
    }
    await iterator.return?.();
    return events;
  };

  beforeAll(async () => {
    backend = await startStoreBackend(dialect);
    subgraph = await createSales(backend.env['SOPHIA_DATA_DIR']!, backend.env);
    running = await startSubgraph(subgraph);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await running.close();
    await backend.close();
  });

  it('moves a deal, records the stage in its history and takes the stage probability', async () => {
    const deal = prospects[0]!;
    const { deal: moved, errors } = dataOf(await move(deal.id, 'PROPOSAL')).moveDealStage;
    expect(errors).toEqual([]);
    expect(moved).toMatchObject({ id: deal.id, stage: 'PROPOSAL', status: 'OPEN', probability: 0.4 });
    const closed = dataOf(await move(deal.id, 'CLOSED_WON')).moveDealStage.deal;
    expect(closed).toMatchObject({
      stage: 'CLOSED_WON',
      status: 'WON',
      probability: 1,
      closeDate: TEST_ANCHOR,
    });
    const { deal: read } = dataOf(
      await running.request<{ deal: Change['deal'] }>(
        `{ deal(id: "${deal.id}") { stageHistory { stage enteredAt } } }`,
      ),
    );
    expect(read.stageHistory.slice(-2)).toEqual([
      { stage: 'PROPOSAL', enteredAt: TEST_ANCHOR },
      { stage: 'CLOSED_WON', enteredAt: TEST_ANCHOR },
    ]);
  });

  it('refuses an unknown deal and a move to the stage it is in as data, and anonymous callers', async () => {
    expect(dataOf(await move('deal_none', 'PROPOSAL')).moveDealStage).toMatchObject({
      deal: null,
      errors: [{ field: ['id'], code: 'NOT_FOUND' }],
    });
    const deal = prospects[1]!;
    expect(dataOf(await move(deal.id, 'PROSPECTING')).moveDealStage).toMatchObject({
      deal: null,
      errors: [{ field: ['stage'], code: 'CONFLICT' }],
    });
    expect((await move(deal.id, 'PROPOSAL', ANONYMOUS)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('tells subscribers every change in order, each with the deal as it is after it', async () => {
    const deal = prospects[2]!;
    const stages = ['QUALIFICATION', 'PROPOSAL', 'NEGOTIATION'];
    const events = await changesDuring(3, async () => {
      for (const stage of stages) await move(deal.id, stage);
    });
    expect(events.map((event) => [event.previousStage, event.stage, event.deal.stage])).toEqual([
      ['PROSPECTING', 'QUALIFICATION', 'QUALIFICATION'],
      ['QUALIFICATION', 'PROPOSAL', 'PROPOSAL'],
      ['PROPOSAL', 'NEGOTIATION', 'NEGOTIATION'],
    ]);
    // Each event is resolved afresh, not from what the subscription's loaders saw for the one before.
    expect(events.map((event) => event.deal.stageHistory.length)).toEqual([2, 3, 4]);
    expect(events.every((event) => !Number.isNaN(Date.parse(event.changedAt)))).toBe(true);
    await expect.poll(active).toBe(0);
  });

  it('filters by owner and releases the subscription when the client leaves', async () => {
    const [mine, other] = [prospects[3]!, prospects.find((deal) => deal.ownerId !== prospects[3]!.ownerId)!];
    const events = await changesDuring(
      1,
      async () => {
        await move(other.id, 'QUALIFICATION');
        await move(mine.id, 'QUALIFICATION');
      },
      { ownerId: mine.ownerId },
    );
    expect(events.map((event) => event.deal.id)).toEqual([mine.id]);
    await expect.poll(active).toBe(0);
  });

  it('refuses an anonymous subscriber', async () => {
    const iterator = connect(ANONYMOUS).iterate({ query: CHANGES });
    const { value } = await iterator.next();
    expect(value).toMatchObject({ data: null, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await iterator.next()).done).toBe(true);
  });

  it('lets only sales and executives move deals', async () => {
    const deal = prospects[4]!;
    const engineer: Viewer = { userId: 'usr_090', roles: ['member'], scopes: [] };
    const refused = await move(deal.id, 'QUALIFICATION', engineer);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const seller: Viewer = { userId: deal.ownerId, roles: ['sales', 'member'], scopes: [] };
    expect((await move(deal.id, 'QUALIFICATION', seller)).data?.moveDealStage.errors).toEqual([]);
  });
});
