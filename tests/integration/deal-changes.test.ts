import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { DEV_INTERNAL_TOKEN_SECRET, signDealChangesToken } from '@sophia/kit';
import { generateCompany } from '@sophia/ops';
import { startPrivateRedis } from '../../ops/src/testing/redis-server.ts';
import { startTestStack, TEST_ANCHOR, type RunningStack } from './stack-fixture.ts';

/** The quarter the demo's "today" falls in: a deal won today is booked in it. */
const QUARTER = '2026-Q4';
const NUMBERS = `query Numbers($period: String!) {
  bookings: metric(id: "new_bookings") { value(period: $period) }
  winRate: metric(id: "win_rate") { value(period: $period) }
  coverage: metric(id: "pipeline_coverage") { value(period: $period) }
  pipeline(period: $period) { wonCount wonAmount lostCount }
}`;
const MOVE = `mutation Move($id: ID!, $stage: DealStage!) { moveDealStage(id: $id, stage: $stage) { errors { code } } }`;

interface Numbers {
  bookings: number;
  winRate: number;
  coverage: number;
  pipeline: { wonCount: number; wonAmount: number; lostCount: number };
}

/** Open deals closing after this quarter: winning one today moves its bookings into this quarter. */
const [first, second, third] = generateCompany({ anchor: TEST_ANCHOR })
  .deals.filter((deal) => deal.stage === 'QUALIFICATION' && deal.closeDate > '2026-12-31')
  .sort((a, b) => b.amount - a.amount);

describe('numbers agree after writes: sales deal changes reach kpi, every service its own process', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let stack: RunningStack;
  let token: string;
  const explainOnFailure = () => onTestFailed(() => console.error(stack.logs.slice(-60).join('\n')));

  const numbers = async (): Promise<Numbers> => {
    const { data, errors } = await stack.query(NUMBERS, { token, variables: { period: QUARTER } });
    expect(errors).toBeUndefined();
    return {
      bookings: data.bookings.value,
      winRate: data.winRate.value,
      coverage: data.coverage.value,
      pipeline: data.pipeline,
    };
  };
  const bookings = async () => (await numbers()).bookings;
  const win = async (id: string) => {
    const { data, errors } = await stack.query(MOVE, { token, variables: { id, stage: 'CLOSED_WON' } });
    expect(errors).toBeUndefined();
    expect(data.moveDealStage.errors).toEqual([]);
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    // Deal changes travel live on Redis; the catch-up from sales' outbox runs every second.
    stack = await startTestStack({ env: { REDIS_URL: redis.url, DEAL_CHANGES_CATCH_UP_SECONDS: '1' } });
    token = await stack.login();
  });
  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  it('raises this quarter’s bookings by exactly the amount of a deal moved to closed-won, and its win rate and coverage with it', async () => {
    explainOnFailure();
    const before = await numbers();
    // The demo's facts and deals agree before any write: kpi's bookings are sales' won deals.
    expect(before.bookings).toBeCloseTo(before.pipeline.wonAmount, 2);

    await win(first!.id);
    await expect.poll(bookings, { timeout: 60_000, interval: 250 }).not.toBe(before.bookings);
    const after = await numbers();

    expect(after.bookings).toBeCloseTo(before.bookings + first!.amount, 2);
    expect(after.bookings).toBeCloseTo(after.pipeline.wonAmount, 2);
    expect(after.pipeline.wonCount).toBe(before.pipeline.wonCount + 1);
    // Win rate is computed from kpi's adjusted facts, and so agrees with sales' won and lost deals.
    const { wonCount, lostCount } = after.pipeline;
    expect(after.winRate).toBeCloseTo((100 * wonCount) / (wonCount + lostCount), 6);
    expect(after.winRate).toBeGreaterThan(before.winRate);
    // The won deal left the open pipeline today, so the quarter's closing coverage fell.
    expect(after.coverage).toBeLessThan(before.coverage);
  });

  it('applies a change made while kpi was down once it is back, exactly once', async () => {
    explainOnFailure();
    const before = await bookings();
    await stack.subgraphs.kpi.stop();
    // The live event for this move reaches no kpi: only the outbox still has it.
    await win(second!.id);
    await stack.subgraphs.kpi.start();
    await expect.poll(bookings, { timeout: 60_000, interval: 250 }).not.toBe(before);
    expect(await bookings()).toBeCloseTo(before + second!.amount, 2);

    // A later change arrives live while catch-ups keep running: the missed one is still counted once.
    await win(third!.id);
    const expected = before + second!.amount + third!.amount;
    await expect.poll(bookings, { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(expected - 0.01);
    expect(await bookings()).toBeCloseTo(expected, 2);
    const final = await numbers();
    expect(final.bookings).toBeCloseTo(final.pipeline.wonAmount, 2);
  });

  it('keeps the outbox off the API: the gateway does not route to it, and refuses its internal token', async () => {
    explainOnFailure();
    const atGateway = await fetch(`${stack.gateway.url}/internal/deal-changes?after=0&limit=10`);
    expect(await atGateway.text()).not.toContain('changeNumber');
    const internal = await signDealChangesToken(DEV_INTERNAL_TOKEN_SECRET);
    const { status } = await stack.query('{ metric(id: "new_bookings") { value } }', { token: internal });
    expect(status).toBe(401);
    // The route answers only that token: a viewer's login token is refused at sales itself.
    const salesRoute = `${stack.subgraphs.sales.url}/internal/deal-changes?after=0&limit=10`;
    const asViewer = await fetch(salesRoute, { headers: { authorization: `Bearer ${token}` } });
    expect(asViewer.status).toBe(401);
    const asKpi = await fetch(salesRoute, { headers: { authorization: `Bearer ${internal}` } });
    expect(asKpi.status).toBe(200);
    const { changes } = (await asKpi.json()) as { changes: Array<{ changeNumber: number; dealId: string }> };
    expect(changes.map((change) => [change.changeNumber, change.dealId])).toEqual([
      [1, first!.id],
      [2, second!.id],
      [3, third!.id],
    ]);
  });
});
