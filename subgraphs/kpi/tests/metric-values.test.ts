import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ANCHOR } from '@sophia/kit/testing';
import { evaluateMetric, generateCompany, type Company } from '@sophia/ops';
import {
  STORE_BACKENDS,
  startStoreBackend,
  type StoreBackend,
} from '../../kit/tests/store-contract-backends.ts';
import { expectClose, newDataDir, startKpi, type RunningKpi } from './harness.ts';

interface Point {
  period: string;
  start: string;
  end: string;
  value: number | null;
}

const SERIES = `query($id: ID!, $from: String, $to: String, $grain: Grain) {
  metric(id: $id) { series(from: $from, to: $to, grain: $grain) { period start end value } }
}`;

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('Metric values computed in SQL on %s', (dialect) => {
  let backend: StoreBackend;
  let kpi: RunningKpi;
  let company: Company;
  const expected = (metricId: string, start: string, end: string) =>
    evaluateMetric(
      company.metrics.find((m) => m.id === metricId)!,
      company.facts,
      start,
      end,
    );
  const series = async (variables: Record<string, unknown>) => {
    const response = await kpi.request<{ metric: { series: Point[] } }>(SERIES, { variables });
    expect(response.errors).toBeUndefined();
    return response.data!.metric.series;
  };

  beforeAll(async () => {
    company = generateCompany({ anchor: TEST_ANCHOR });
    backend = await startStoreBackend(dialect);
    kpi = await startKpi(newDataDir(), TEST_ANCHOR, backend.env);
  });
  afterAll(async () => {
    await kpi?.close();
    await backend?.close();
  });

  it('serves from the selected backend', () => {
    const tags = backend.fake?.queryHistory().map((query) => query.queryTag);
    expect(tags?.includes('sophia-kpi') ?? dialect === 'duckdb').toBe(true);
  });

  it('equals the reference evaluateMetric for every metric over a quarter, a month, a year and the running quarter', async () => {
    const response = await kpi.request<{ metrics: Array<Record<string, number | null> & { id: string }> }>(
      `{ metrics { id q3: value(period: "2026-Q3") aug: value(period: "2026-08") y: value(period: "2025")
                   running: value(period: "Q4") current: value } }`,
    );
    expect(response.errors).toBeUndefined();
    const metrics = response.data!.metrics;
    expect(metrics.map((m) => m.id)).toEqual(company.metrics.map((m) => m.id));
    for (const metric of metrics) {
      expectClose(metric['q3'], expected(metric.id, '2026-07-01', '2026-09-30'), metric.id);
      expectClose(metric['aug'], expected(metric.id, '2026-08-01', '2026-08-31'), metric.id);
      expectClose(metric['y'], expected(metric.id, '2025-01-01', '2025-12-31'), metric.id);
      expectClose(metric['running'], expected(metric.id, '2026-10-01', TEST_ANCHOR), metric.id);
      expect(metric['q3'], metric.id).not.toBeNull();
      expect(metric['current'], metric.id).toBe(metric['running']);
    }
  });

  it('answers targets from the stored targets, null where none is set', async () => {
    const target = company.targets.find((t) => t.period === '2026-Q3')!;
    const response = await kpi.request<{ metric: { set: number | null; unset: number | null } }>(
      `query($id: ID!) { metric(id: $id) { set: target(period: "2026-Q3") unset: target(period: "2019-Q1") } }`,
      { variables: { id: target.metricId } },
    );
    expect(response.data!.metric).toEqual({ set: target.value, unset: null });
  });

  it('sums monthly revenue over Q3 to the Q3 revenue', async () => {
    const months = await series({ id: 'revenue', from: '2026-Q3', to: '2026-Q3', grain: 'MONTH' });
    expect(months.map((p) => p.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    const [quarter] = await series({ id: 'revenue', from: '2026-Q3', to: '2026-Q3', grain: 'QUARTER' });
    const sum = months.reduce((total, p) => total + p.value!, 0);
    expectClose(quarter!.value, sum);
    expectClose(quarter!.value, expected('revenue', '2026-07-01', '2026-09-30'));
  });

  it('takes ARR per quarter on the quarter’s last day', async () => {
    const quarters = await series({ id: 'arr', from: '2025-Q4', to: '2026-Q3', grain: 'QUARTER' });
    expect(quarters.map((p) => p.period)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const days = await series({ id: 'arr', from: '2025-10-01', to: '2026-09-30', grain: 'DAY' });
    const byDay = new Map(days.map((p) => [p.period, p.value]));
    for (const quarter of quarters) {
      expect(quarter.value).toBe(byDay.get(quarter.end));
      expectClose(quarter.value, expected('arr', quarter.end, quarter.end));
    }
    expect(new Set(quarters.map((q) => q.value)).size).toBeGreaterThan(1);
  });

  it('recomputes gross margin over the quarter from its parts instead of averaging months', async () => {
    const months = await series({ id: 'gross_margin', from: '2026-Q3', to: '2026-Q3', grain: 'MONTH' });
    const [quarter] = await series({ id: 'gross_margin', from: '2026-Q3', to: '2026-Q3', grain: 'QUARTER' });
    const mean = months.reduce((total, p) => total + p.value!, 0) / months.length;
    expectClose(quarter!.value, expected('gross_margin', '2026-07-01', '2026-09-30'));
    expect(Math.abs(quarter!.value! - mean)).toBeGreaterThan(1e-9);
  });

  it('labels ISO weeks and clips the first and last steps to the range', async () => {
    const weeks = await series({ id: 'new_bookings', from: '2026-11-01', to: TEST_ANCHOR, grain: 'WEEK' });
    expect(weeks.map((p) => p.period)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeks[0]).toMatchObject({ start: '2026-11-01', end: '2026-11-01' });
    expect(weeks.at(-1)).toMatchObject({ start: '2026-11-23', end: TEST_ANCHOR });
    for (const week of weeks) expectClose(week.value, expected('new_bookings', week.start, week.end));
  });

  it('defaults to the last twelve months up to today, monthly', async () => {
    const months = await series({ id: 'revenue' });
    expect(months).toHaveLength(12);
    expect(months[0]).toMatchObject({ period: '2025-12', start: '2025-12-01' });
    expect(months.at(-1)).toMatchObject({ period: '2026-11', start: '2026-11-01', end: TEST_ANCHOR });
  });

  it('gives null, not zero, where no data covers a step or period', async () => {
    const future = await series({ id: 'revenue', from: '2026-11-23', to: '2026-11-27', grain: 'DAY' });
    expect(future.map((p) => p.value === null)).toEqual([false, false, true, true, true]);
    const before = await series({ id: 'gross_margin', from: '2020', to: '2020', grain: 'QUARTER' });
    expect(before.map((p) => p.value)).toEqual([null, null, null, null]);
    const response = await kpi.request<{ metric: { value: number | null } }>(
      '{ metric(id: "arr") { value(period: "2030") } }',
    );
    expect(response.data!.metric.value).toBeNull();
  });

  it('computes a series with one values query, not one per point', async () => {
    const evaluate = vi.spyOn(kpi.subgraph.store, 'evaluate');
    await series({ id: 'revenue', from: '2025-01-01', to: '2026-11-24', grain: 'DAY' });
    expect(evaluate).toHaveBeenCalledTimes(1);
    evaluate.mockRestore();
  });
});
