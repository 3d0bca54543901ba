import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ANCHOR } from '@sophia/kit/testing';
import { evaluateMetric, generateCompany, parsePeriod, previousPeriod, type Company } from '@sophia/ops';
import { HEADLINE_METRIC_IDS } from '../src/kpi-cards.ts';
import { expectClose, newDataDir, startKpi, type RunningKpi } from './harness.ts';

interface Card {
  metric: { id: string };
  period: string;
  previousPeriod: string;
  value: number | null;
  previousValue: number | null;
  change: number | null;
  target: number | null;
  status: string;
  sparkline: number[];
  partial: boolean;
}

const CARDS = `query($period: String) {
  kpiCards(period: $period) {
    metric { id } period previousPeriod value previousValue change target status sparkline partial
  }
}`;

describe('kpiCards', () => {
  let kpi: RunningKpi;
  let company: Company;
  const expected = (metricId: string, start: string, end: string) =>
    evaluateMetric(
      company.metrics.find((m) => m.id === metricId)!,
      company.facts,
      start,
      end,
    );
  const cardsFor = async (period?: string) => {
    const response = await kpi.request<{ kpiCards: Card[] }>(CARDS, { variables: { period } });
    expect(response.errors).toBeUndefined();
    return response.data!.kpiCards;
  };

  beforeAll(async () => {
    company = generateCompany({ anchor: TEST_ANCHOR });
    kpi = await startKpi(newDataDir());
  });
  afterAll(() => kpi.close());

  it('shows one card per headline metric, in order, matching the reference over Q3 2026', async () => {
    const cards = await cardsFor('2026-Q3');
    expect(cards.map((card) => card.metric.id)).toEqual([...HEADLINE_METRIC_IDS]);
    for (const card of cards) {
      const value = expected(card.metric.id, '2026-07-01', '2026-09-30');
      const previous = expected(card.metric.id, '2026-04-01', '2026-06-30');
      expect(value, card.metric.id).not.toBeNull();
      expectClose(card.value, value, card.metric.id);
      expectClose(card.previousValue, previous, card.metric.id);
      expectClose(card.change, (value! - previous!) / Math.abs(previous!), card.metric.id);
      expect(card).toMatchObject({ period: '2026-Q3', previousPeriod: '2026-Q2', partial: false });
      const target = company.targets.find((t) => t.metricId === card.metric.id && t.period === '2026-Q3');
      expect(card.target).toBe(target?.value ?? null);
    }
  });

  it('judges status against the target in the direction the metric prefers', async () => {
    const cards = await cardsFor('2026-Q3');
    for (const card of cards) {
      const metric = company.metrics.find((m) => m.id === card.metric.id)!;
      if (card.target === null) {
        expect(card.status).toBe('NO_TARGET');
        continue;
      }
      const shortfall = metric.higherIsBetter ? card.target - card.value! : card.value! - card.target;
      const status =
        shortfall <= 0 ? 'ON_TRACK' : shortfall <= 0.05 * Math.abs(card.target) ? 'AT_RISK' : 'OFF_TRACK';
      expect(card.status, card.metric.id).toBe(status);
    }
    expect(cards.some((card) => card.target !== null)).toBe(true);
  });

  it('draws sparklines from the last twelve months of a quarter, ending with its last month', async () => {
    const cards = await cardsFor('2026-Q3');
    const months = [...Array(12).keys()].map((i) =>
      parsePeriod(i < 3 ? `2025-${10 + i}` : `2026-${i - 2}`, TEST_ANCHOR),
    );
    expect(months.at(-1)!.key).toBe('2026-09');
    for (const card of cards) {
      // A month without a value (CAC in a month that won no new customer) is left out of the line.
      const reference = months
        .map((month) => expected(card.metric.id, month.start, month.end))
        .filter((value): value is number => value !== null);
      expect(card.sparkline.length, card.metric.id).toBe(reference.length);
      card.sparkline.forEach((point, i) => expectClose(point, reference[i]!, card.metric.id));
    }
    expect(cards.find((card) => card.metric.id === 'revenue')!.sparkline).toHaveLength(12);
  });

  it('draws a year card from the last twelve quarters', async () => {
    const [revenue] = await cardsFor('2025');
    const quarters = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']
      .concat(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])
      .map((key) => parsePeriod(key, TEST_ANCHOR));
    const reference = quarters
      .map((quarter) => expected('revenue', quarter.start, quarter.end))
      .filter((value): value is number => value !== null);
    expect(revenue!.metric.id).toBe('revenue');
    expect(revenue!.sparkline).toHaveLength(reference.length);
    revenue!.sparkline.forEach((point, i) => expectClose(point, reference[i]!));
    expectClose(revenue!.value, expected('revenue', '2025-01-01', '2025-12-31'));
  });

  it('defaults to the running quarter: partial, flows so far, targets pro rata', async () => {
    const cards = await cardsFor();
    const quarter = parsePeriod(undefined, TEST_ANCHOR);
    const previous = previousPeriod(quarter);
    const elapsed = 55 / 92; // 1 Oct … 24 Nov of 1 Oct … 31 Dec
    for (const card of cards) {
      expect(card).toMatchObject({ period: '2026-Q4', previousPeriod: '2026-Q3', partial: true });
      expectClose(card.value, expected(card.metric.id, quarter.start, TEST_ANCHOR), card.metric.id);
      expectClose(card.previousValue, expected(card.metric.id, previous.start, previous.end), card.metric.id);
      expect(card.sparkline.length).toBeLessThanOrEqual(12);
      expectClose(card.sparkline.at(-1), expected(card.metric.id, '2026-11-01', TEST_ANCHOR), card.metric.id);
    }
    const revenue = cards.find((card) => card.metric.id === 'revenue')!;
    expect(revenue.sparkline).toHaveLength(12); // December 2025 … November 2026 so far
    expectClose(revenue.change, revenue.value! / (revenue.previousValue! * elapsed) - 1);
    if (revenue.target !== null) {
      const paceShortfall = revenue.target * elapsed - revenue.value!;
      expect(revenue.status).toBe(
        paceShortfall <= 0
          ? 'ON_TRACK'
          : paceShortfall <= 0.05 * revenue.target * elapsed
            ? 'AT_RISK'
            : 'OFF_TRACK',
      );
    }
  });

  it('answers a future period with null values, not an error; its sparkline holds the months with data', async () => {
    const cards = await cardsFor('2027-Q2');
    expect(cards).toHaveLength(HEADLINE_METRIC_IDS.length);
    for (const card of cards) {
      expect(card).toMatchObject({
        period: '2027-Q2',
        value: null,
        previousValue: null,
        change: null,
        partial: false,
      });
      expect(card.status).toBe('NO_TARGET');
    }
    // July 2026 … June 2027: only July to November 2026 have happened.
    const revenue = cards.find((card) => card.metric.id === 'revenue')!;
    expect(revenue.sparkline).toHaveLength(5);
    expectClose(revenue.sparkline[0], expected('revenue', '2026-07-01', '2026-07-31'));
  });

  it('computes every card with one values query and one targets query, and all sparklines with one more', async () => {
    const evaluate = vi.spyOn(kpi.subgraph.store, 'evaluate');
    const targets = vi.spyOn(kpi.subgraph.store, 'targets');
    await cardsFor('2026-Q2');
    expect(evaluate).toHaveBeenCalledTimes(2);
    expect(targets).toHaveBeenCalledTimes(1);
    evaluate.mockRestore();
    targets.mockRestore();
  });

  it('reads only the period and the one before it when the sparkline is not asked for', async () => {
    const evaluate = vi.spyOn(kpi.subgraph.store, 'evaluate');
    const response = await kpi.request<{ kpiCards: Card[] }>(
      'query { kpiCards(period: "2026-Q2") { metric { id } value previousValue } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.kpiCards).toHaveLength(HEADLINE_METRIC_IDS.length);
    expect(evaluate).toHaveBeenCalledTimes(1);
    const ranges = evaluate.mock.calls[0]![1].map((range) => [range.start, range.end]);
    expect(ranges).toEqual([
      ['2026-04-01', '2026-06-30'],
      ['2026-01-01', '2026-03-31'],
    ]);
    evaluate.mockRestore();
  });
});
