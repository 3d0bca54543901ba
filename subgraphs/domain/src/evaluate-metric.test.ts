import { describe, expect, it } from 'vitest';
import { type FactRow, evaluateMetric } from './evaluate-metric.ts';
import type { MetricFormula } from './types.ts';

/** Ten days of January: revenue 100 a day, ARR rising by 10 a day, churn on two days, a gap in `partial`. */
function facts(): FactRow[] {
  const rows: FactRow[] = [];
  for (let day = 1; day <= 10; day++) {
    const date = `2026-01-${String(day).padStart(2, '0')}`;
    rows.push({ date, fact: 'revenue', value: 100 });
    rows.push({ date, fact: 'arr', value: 1_000 + 10 * day });
    rows.push({ date, fact: 'churned_arr', value: day === 3 || day === 7 ? 5 : 0 });
    if (day % 2 === 0) rows.push({ date, fact: 'deals_won', value: 1 });
  }
  // Out of order on purpose: evaluation must not depend on row order.
  return rows.reverse();
}

const evaluate = (formula: MetricFormula, start: string, end: string) =>
  evaluateMetric({ formula }, facts(), start, end);

describe('evaluateMetric', () => {
  it('sums flows over the inclusive range', () => {
    expect(evaluate({ kind: 'sum', fact: 'revenue' }, '2026-01-01', '2026-01-10')).toBe(1_000);
    expect(evaluate({ kind: 'sum', fact: 'revenue' }, '2026-01-03', '2026-01-03')).toBe(100);
    expect(evaluate({ kind: 'sum', fact: 'revenue' }, '2025-12-01', '2026-01-02')).toBe(200);
  });

  it('takes stocks at the last day with data in the range', () => {
    expect(evaluate({ kind: 'last', fact: 'arr' }, '2026-01-01', '2026-01-05')).toBe(1_050);
    expect(evaluate({ kind: 'last', fact: 'arr' }, '2026-01-01', '2026-03-31')).toBe(1_100);
  });

  it('recomputes ratios from their parts, with signs, first values and scale', () => {
    const retention: MetricFormula = {
      kind: 'ratio',
      numerator: [
        { fact: 'arr', agg: 'first' },
        { fact: 'churned_arr', agg: 'sum', sign: -1 },
      ],
      denominator: [{ fact: 'arr', agg: 'first' }],
      scale: 100,
    };
    expect(evaluate(retention, '2026-01-01', '2026-01-10')).toBeCloseTo(((1_010 - 10) / 1_010) * 100, 10);
  });

  it('turns a summed flow into a monthly rate over the days that have data', () => {
    const runway: MetricFormula = {
      kind: 'ratio',
      numerator: [{ fact: 'arr', agg: 'last' }],
      denominator: [{ fact: 'revenue', agg: 'sum', perMonth: true }],
    };
    // 100 a day is 3,043.75 a month, whatever the range's length, and even past the last day of data.
    expect(evaluate(runway, '2026-01-01', '2026-01-10')).toBeCloseTo(1_100 / 3_043.75, 10);
    expect(evaluate(runway, '2026-01-06', '2026-02-28')).toBeCloseTo(1_100 / 3_043.75, 10);
  });

  it('returns null without data or with a zero denominator', () => {
    expect(evaluate({ kind: 'sum', fact: 'revenue' }, '2025-01-01', '2025-12-31')).toBeNull();
    expect(evaluate({ kind: 'sum', fact: 'deals_won' }, '2026-01-03', '2026-01-03')).toBeNull();
    expect(evaluate({ kind: 'sum', fact: 'no_such_fact' as never }, '2026-01-01', '2026-01-10')).toBeNull();
    const perChurn: MetricFormula = {
      kind: 'ratio',
      numerator: [{ fact: 'revenue', agg: 'sum' }],
      denominator: [{ fact: 'churned_arr', agg: 'sum' }],
    };
    expect(evaluate(perChurn, '2026-01-01', '2026-01-02')).toBeNull();
    const missingPart: MetricFormula = {
      kind: 'ratio',
      numerator: [{ fact: 'deals_won', agg: 'sum' }],
      denominator: [{ fact: 'revenue', agg: 'sum' }],
    };
    expect(evaluate(missingPart, '2026-01-03', '2026-01-03')).toBeNull();
  });
});
