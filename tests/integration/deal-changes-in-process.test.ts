import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Feed } from '@sophia/kit';
import { startSubgraph, TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import type { DealChange } from '@sophia/domain';
import { createSales, company, newDataDir, removeDataDir } from '../../subgraphs/sales/tests/harness.ts';
import { startKpi, type RunningKpi } from '../../subgraphs/kpi/tests/harness.ts';

const MOVE = `mutation($id: ID!, $stage: DealStage!) { moveDealStage(id: $id, stage: $stage) { errors { code } } }`;
const BOOKINGS = `{ metric(id: "new_bookings") { value(period: "2026-Q4") } }`;

/** Open deals closing next year: won today, each is booked in this quarter. */
const [first, second, third] = company.deals.filter(
  (deal) => deal.stage === 'QUALIFICATION' && deal.closeDate > '2026-12-31',
);

/**
 * Without Redis: sales and kpi built in one process share the in-process `deal-changed` feed, and kpi
 * catches up from sales' outbox over real HTTP (SOPHIA_SALES_URL) when it starts.
 */
describe('deal changes reach kpi in one process, without Redis', () => {
  // A channel carries whatever anyone publishes on it (kpi checks every message); sales publishes changes.
  const feed = new Feed<unknown>();
  const salesDir = newDataDir();
  const kpiDir = newDataDir();
  let sales: RunningSubgraph;
  let kpi: RunningKpi | undefined;
  let kpiEnv: Record<string, string>;

  const bookings = async () =>
    (await kpi!.request<{ metric: { value: number } }>(BOOKINGS)).data!.metric.value;
  const win = async (id: string) => {
    const response = await sales.request<{ moveDealStage: { errors: unknown[] } }>(MOVE, {
      variables: { id, stage: 'CLOSED_WON' },
    });
    expect(response.data?.moveDealStage.errors).toEqual([]);
  };

  beforeAll(async () => {
    sales = await startSubgraph(await createSales(salesDir, {}, { dealChanges: feed as Feed<DealChange> }));
    // The timer's catch-up waits an hour: what arrives here comes from the feed, or the catch-up on start.
    kpiEnv = { SOPHIA_SALES_URL: new URL(sales.url).origin, DEAL_CHANGES_CATCH_UP_SECONDS: '3600' };
    kpi = await startKpi(kpiDir, TEST_ANCHOR, kpiEnv, { dealChangeFeed: feed });
  });
  afterAll(async () => {
    await kpi?.close();
    await sales?.close();
    removeDataDir(salesDir);
    removeDataDir(kpiDir);
  });

  it('applies a move as the in-process feed brings it', async () => {
    const before = await bookings();
    await win(first!.id);
    await expect.poll(bookings).toBeCloseTo(before + first!.amount, 2);
  });

  it('ignores a message on the feed that is not a deal change', async () => {
    const before = await bookings();
    feed.publish({ changeNumber: 2, dealId: 'forged', after: { amount: 1e9 } });
    // Any later real change is applied after it, in order: by then the bad message was dropped.
    await win(second!.id);
    await expect.poll(bookings).toBeCloseTo(before + second!.amount, 2);
  });

  it('catches up on start with a change made while kpi was away, once', async () => {
    const before = await bookings();
    await kpi!.close();
    kpi = undefined;
    await win(third!.id);
    kpi = await startKpi(kpiDir, TEST_ANCHOR, kpiEnv, { dealChangeFeed: feed });
    await expect.poll(bookings).toBeCloseTo(before + third!.amount, 2);
    // Asking again finds nothing left to apply: each change counted once.
    expect(await kpi.subgraph.dealChanges.catchUp()).toBe(0);
    expect(await bookings()).toBeCloseTo(before + third!.amount, 2);
    // What an operator watches: every change up to the third applied, that one by the catch-up.
    const metric = async (name: string) =>
      (await kpi!.subgraph.metrics.registry.getSingleMetric(name)?.get())?.values;
    expect(await metric('sophia_deal_changes_applied_through')).toMatchObject([{ value: 3 }]);
    expect(await metric('sophia_deal_changes_applied_total')).toEqual(
      expect.arrayContaining([expect.objectContaining({ labels: { source: 'catch_up' }, value: 1 })]),
    );
  });
});
