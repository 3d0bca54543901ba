import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Feed } from '@sophia/kit';
import { startSubgraph, TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import type { DealChange } from '@sophia/domain';
import { seedDemo } from '@sophia/ops/seed';
import { startStoreBackend, type StoreBackend } from '../../kit/tests/store-contract-backends.ts';
import { loadSalesConfig } from '../src/env.ts';
import { SalesStore } from '../src/store.ts';
import { company, createSales, newDataDir, removeDataDir } from './harness.ts';

const MOVE = `mutation($id: ID!, $stage: DealStage!) {
  moveDealStage(id: $id, stage: $stage) { deal { id stage amount closeDate } errors { code } }
}`;

const [first, second] = company.deals.filter((deal) => deal.stage === 'NEGOTIATION');
const regionOf = (accountId: string) => company.accounts.find((account) => account.id === accountId)!.region;

/** The outbox of deal changes, as the `deal-changed` feed publishes it (in this process: no REDIS_URL). */
describe('deal changes outbox', () => {
  let dir: string;
  let running: RunningSubgraph;
  const feed = new Feed<DealChange>();
  const published: DealChange[] = [];
  const subscription = feed.subscribe({ capacity: 100 });

  beforeAll(async () => {
    dir = newDataDir();
    running = await startSubgraph(await createSales(dir, {}, { dealChanges: feed }));
    void (async () => {
      for await (const change of subscription.queue) published.push(change);
    })();
  });
  afterAll(async () => {
    await running?.close();
    removeDataDir(dir);
  });

  const move = (id: string, stage: string) =>
    running.request<{ moveDealStage: { errors: { code: string }[] } }>(MOVE, { variables: { id, stage } });

  it('numbers each committed move and publishes it with the deal before and after', async () => {
    await move(first!.id, 'CLOSED_WON');
    await move(second!.id, 'CLOSED_LOST');
    await move(first!.id, 'PROPOSAL');
    await expect.poll(() => published.length).toBe(3);
    const [won, lost, reopened] = published as [DealChange, DealChange, DealChange];

    expect(won).toEqual({
      changeNumber: 1,
      dealId: first!.id,
      dealType: first!.type,
      ownerId: first!.ownerId,
      region: regionOf(first!.accountId),
      changedAt: expect.stringMatching(new RegExp(`^${TEST_ANCHOR}T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$`)),
      before: { stage: 'NEGOTIATION', amount: first!.amount, closeDate: first!.closeDate },
      // Closed by the move: it closes on the store clock's today.
      after: { stage: 'CLOSED_WON', amount: first!.amount, closeDate: TEST_ANCHOR },
    });
    expect(lost).toMatchObject({ changeNumber: 2, dealId: second!.id, after: { stage: 'CLOSED_LOST' } });
    expect(reopened).toMatchObject({
      changeNumber: 3,
      before: { stage: 'CLOSED_WON', closeDate: TEST_ANCHOR },
      after: { stage: 'PROPOSAL', closeDate: TEST_ANCHOR },
    });
    expect(Date.parse(reopened.changedAt)).toBeGreaterThanOrEqual(Date.parse(won.changedAt));
  });

  it('records nothing for a move that changes nothing', async () => {
    const before = published.length;
    expect((await move(second!.id, 'CLOSED_LOST')).data?.moveDealStage.errors[0]?.code).toBe('CONFLICT');
    expect((await move('no-such-deal', 'CLOSED_WON')).data?.moveDealStage.errors[0]?.code).toBe('NOT_FOUND');
    await move(second!.id, 'CLOSED_WON');
    await expect.poll(() => published.length).toBe(before + 1);
    expect(published.at(-1)).toMatchObject({ changeNumber: 4, dealId: second!.id });
  });
});

/** Sales replicas share one store only on the warehouse (an embedded DuckDB file belongs to one process). */
describe('deal changes outbox with two replicas on one FAKE Snowflake', () => {
  let backend: StoreBackend;
  const stores: SalesStore[] = [];
  beforeAll(async () => {
    backend = await startStoreBackend('snowflake');
    const config = loadSalesConfig({ ...backend.env, SOPHIA_DEMO_ANCHOR: TEST_ANCHOR, LOG_LEVEL: 'silent' });
    await seedDemo({
      dataDir: config.SOPHIA_DATA_DIR,
      anchor: TEST_ANCHOR,
      only: ['sales'],
      snowflake: config,
    });
    stores.push(await SalesStore.open(config), await SalesStore.open(config));
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await backend?.close();
  });

  it('never gives two changes one number when replicas move deals at the same time', async () => {
    const deals = company.deals.filter((deal) => deal.stage === 'PROPOSAL').slice(0, 6);
    const moves = await Promise.allSettled(
      deals.map((deal, i) => stores[i % 2]!.moveDealStage(deal.id, 'CLOSED_WON', () => undefined)),
    );
    const moved = moves.filter((move) => move.status === 'fulfilled').length;
    // A move that lost a write conflict failed as a whole: it is neither in the deals nor in the outbox.
    const numbers = (await stores[0]!.dealChangesAfter(0, 100)).map((change) => change.changeNumber);
    expect(moved).toBeGreaterThan(0);
    expect(numbers).toEqual(Array.from({ length: moved }, (_, i) => i + 1));
  });
});
