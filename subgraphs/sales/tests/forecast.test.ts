import { describe, expect, it } from 'vitest';
import {
  byAmountDesc,
  closingBetween,
  company,
  dataOf,
  errorOf,
  statusOf,
  sumAmounts,
  useSales,
} from './harness.ts';
import { STORE_BACKENDS } from '../../kit/tests/store-contract-backends.ts';

const TOP_DEALS = /* GraphQL */ `
  query TopDeals($period: String, $limit: Int) {
    topDeals(period: $period, limit: $limit) {
      id
      amount
      closeDate
      status
    }
  }
`;

const PIPELINE = /* GraphQL */ `
  query Pipeline($period: String) {
    pipeline(period: $period) {
      period
      currency
      openCount
      openAmount
      weightedForecast
      wonCount
      wonAmount
      lostCount
      winRate
      stages {
        stage
        count
        amount
        weightedAmount
      }
    }
  }
`;

interface TopDeals {
  topDeals: { id: string; amount: number; closeDate: string; status: string }[];
}

interface PipelineStage {
  stage: string;
  count: number;
  amount: number;
  weightedAmount: number;
}

interface PipelineData {
  pipeline: {
    period: string;
    currency: string;
    openCount: number;
    openAmount: number;
    weightedForecast: number;
    wonCount: number;
    wonAmount: number;
    lostCount: number;
    winRate: number | null;
    stages: PipelineStage[];
  };
}

const Q3 = { start: '2026-07-01', end: '2026-09-30' };
const Q4 = { start: '2026-10-01', end: '2026-12-31' };
const STAGES = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];

/** The pipeline computed straight from the generator's deals. */
function expectedPipeline(period: { start: string; end: string }) {
  const deals = company.deals.filter((deal) => closingBetween(deal, period.start, period.end));
  const open = deals.filter((deal) => statusOf(deal) === 'OPEN');
  const won = deals.filter((deal) => statusOf(deal) === 'WON');
  const lost = deals.filter((deal) => statusOf(deal) === 'LOST');
  const weighted = (list: typeof deals) =>
    list.reduce((sum, deal) => sum + deal.amount * deal.probability, 0);
  return {
    stages: STAGES.map((stage) => {
      const inStage = deals.filter((deal) => deal.stage === stage);
      return { stage, count: inStage.length, amount: sumAmounts(inStage), weightedAmount: weighted(inStage) };
    }),
    openCount: open.length,
    openAmount: sumAmounts(open),
    wonCount: won.length,
    wonAmount: sumAmounts(won),
    lostCount: lost.length,
    weightedForecast: sumAmounts(won) + weighted(open),
    winRate: won.length + lost.length === 0 ? null : won.length / (won.length + lost.length),
  };
}

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('topDeals and pipeline on %s', (dialect) => {
  const running = useSales(dialect);

  it('lists the largest won or open deals closing in the period, largest first', async () => {
    const { topDeals } = dataOf(
      await running.request<TopDeals>(TOP_DEALS, { variables: { period: '2026-Q4', limit: 8 } }),
    );
    const expected = company.deals
      .filter((deal) => closingBetween(deal, Q4.start, Q4.end) && statusOf(deal) !== 'LOST')
      .sort(byAmountDesc)
      .slice(0, 8);
    expect(expected).toHaveLength(8);
    expect(topDeals.map((deal) => deal.id)).toEqual(expected.map((deal) => deal.id));
    for (const deal of topDeals) {
      expect(deal.status).not.toBe('LOST');
      expect(deal.closeDate >= Q4.start && deal.closeDate <= Q4.end).toBe(true);
    }
  });

  it('leaves out lost deals even when they are the largest', async () => {
    const lostInQ3 = company.deals.filter(
      (deal) => closingBetween(deal, Q3.start, Q3.end) && statusOf(deal) === 'LOST',
    );
    expect(lostInQ3.length).toBeGreaterThan(0);
    const { topDeals } = dataOf(
      await running.request<TopDeals>(TOP_DEALS, { variables: { period: '2026-Q3', limit: 100 } }),
    );
    const lostIds = new Set(lostInQ3.map((deal) => deal.id));
    expect(topDeals.some((deal) => lostIds.has(deal.id))).toBe(false);
  });

  it('reads the period against the demo anchor: omitted is the current quarter, Q3 is this year', async () => {
    const explicit = dataOf(await running.request<TopDeals>(TOP_DEALS, { variables: { period: '2026-Q4' } }));
    const omitted = dataOf(await running.request<TopDeals>(TOP_DEALS));
    expect(omitted.topDeals).toHaveLength(10);
    expect(omitted).toEqual(explicit);
    const q3 = dataOf(await running.request<TopDeals>(TOP_DEALS, { variables: { period: 'Q3' } }));
    expect(q3).toEqual(
      dataOf(await running.request<TopDeals>(TOP_DEALS, { variables: { period: '2026-Q3' } })),
    );
  });

  it.each([0, -1, 101])('refuses limit %i', async (limit) => {
    expect(errorOf(await running.request(TOP_DEALS, { variables: { limit } }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'limit',
    });
  });

  it.each([
    ['2026-Q4', Q4],
    ['2026-Q3', Q3],
    ['2026-11', { start: '2026-11-01', end: '2026-11-30' }],
    ['2027', { start: '2027-01-01', end: '2027-12-31' }],
  ])('adds up the %s pipeline from the deals', async (period, range) => {
    const { pipeline } = dataOf(await running.request<PipelineData>(PIPELINE, { variables: { period } }));
    const expected = expectedPipeline(range);
    expect(pipeline.period).toBe(period);
    expect(pipeline.currency).toBe(company.currency);
    expect(pipeline.stages.map((stage) => stage.stage)).toEqual(STAGES);
    pipeline.stages.forEach((stage, index) => {
      const want = expected.stages[index]!;
      expect(stage.count).toBe(want.count);
      expect(stage.amount).toBe(want.amount);
      expect(stage.weightedAmount).toBeCloseTo(want.weightedAmount, 4);
    });
    expect(pipeline.openCount).toBe(expected.openCount);
    expect(pipeline.openAmount).toBe(expected.openAmount);
    expect(pipeline.wonCount).toBe(expected.wonCount);
    expect(pipeline.wonAmount).toBe(expected.wonAmount);
    expect(pipeline.lostCount).toBe(expected.lostCount);
    expect(pipeline.weightedForecast).toBeCloseTo(expected.weightedForecast, 4);
    if (expected.winRate === null) expect(pipeline.winRate).toBeNull();
    else expect(pipeline.winRate).toBeCloseTo(expected.winRate, 10);
  });

  it('has open deals and closed deals in the current quarter, so the forecast mixes both', async () => {
    const { pipeline } = dataOf(await running.request<PipelineData>(PIPELINE));
    expect(pipeline.period).toBe('2026-Q4');
    expect(pipeline.openCount).toBeGreaterThan(0);
    expect(pipeline.wonCount).toBeGreaterThan(0);
    expect(pipeline.weightedForecast).toBeGreaterThan(pipeline.wonAmount);
    expect(pipeline.weightedForecast).toBeLessThan(pipeline.wonAmount + pipeline.openAmount);
  });

  it('lists every stage with zeros and no win rate for a period with no deals', async () => {
    const { pipeline } = dataOf(
      await running.request<PipelineData>(PIPELINE, { variables: { period: '2030-Q1' } }),
    );
    expect(pipeline.stages).toEqual(
      STAGES.map((stage) => ({ stage, count: 0, amount: 0, weightedAmount: 0 })),
    );
    expect(pipeline).toMatchObject({ openCount: 0, wonAmount: 0, weightedForecast: 0, winRate: null });
  });

  it('agrees with the bookings facts: deals won in 2026-Q3 sum to new_bookings for 2026-Q3', async () => {
    const bookings = company.facts
      .filter((fact) => fact.fact === 'new_bookings' && fact.date >= Q3.start && fact.date <= Q3.end)
      .reduce((sum, fact) => sum + fact.value, 0);
    expect(bookings).toBeGreaterThan(0);
    const { pipeline } = dataOf(
      await running.request<PipelineData>(PIPELINE, { variables: { period: '2026-Q3' } }),
    );
    expect(pipeline.wonAmount).toBeCloseTo(bookings, 2);
    const won = dataOf(
      await running.request<{ deals: { totalAmount: number } }>(
        'query($f: DealFilter) { deals(filter: $f) { totalAmount } }',
        { variables: { f: { status: 'WON', period: '2026-Q3' } } },
      ),
    );
    expect(won.deals.totalAmount).toBe(pipeline.wonAmount);
  });

  it.each([
    ['pipeline', PIPELINE, { period: 'banana' }, 'period'],
    ['topDeals', TOP_DEALS, { period: '2026-Q5' }, 'period'],
    [
      'deals',
      'query($f: DealFilter) { deals(filter: $f) { totalCount } }',
      { f: { period: 'banana' } },
      'filter.period',
    ],
  ])('refuses a period that names none in %s', async (_, query, variables, argument) => {
    expect(errorOf(await running.request(query, { variables }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument,
    });
  });
});
