import { describe, expect, it } from 'vitest';
import {
  evaluateMetric,
  FACT_NAMES,
  METRICS,
  metricById,
  periodContaining,
  periodsOverlapping,
  previousPeriod,
} from '@sophia/domain';
import { targetPeriods } from './targets.ts';
import { ANCHOR, company } from './test-fixture.ts';

const REQUIRED = [
  'revenue',
  'arr',
  'new_bookings',
  'gross_margin',
  'burn',
  'cash',
  'runway',
  'nrr',
  'churn',
  'cac',
  'headcount',
  'pipeline_coverage',
  'nps',
  'new_customers',
];

describe('metric definitions', () => {
  it('include the metrics executives ask about', () => {
    expect(METRICS.map((metric) => metric.id)).toEqual(expect.arrayContaining(REQUIRED));
    expect(company.metrics).toEqual(METRICS);
    expect(() => metricById('ebitda')).toThrow();
  });

  it('read only known facts and agree with their aggregation', () => {
    for (const metric of METRICS) {
      expect(metric.description).toMatch(/^[A-Z].+\.$/);
      const formula = metric.formula;
      const facts =
        formula.kind === 'ratio'
          ? [...formula.numerator, ...formula.denominator].map((term) => term.fact)
          : [formula.fact];
      for (const fact of facts) expect(FACT_NAMES).toContain(fact);
      const expected = { sum: 'FLOW', last: 'STOCK', ratio: 'RATIO' }[formula.kind];
      expect(metric.aggregation, metric.id).toBe(metric.id === 'burn' ? 'FLOW' : expected);
    }
  });

  it('give believable values for the last complete quarter', () => {
    const quarter = previousPeriod(periodContaining(ANCHOR, 'QUARTER'));
    const value = (id: string) =>
      evaluateMetric(metricById(id), company.facts, quarter.start, quarter.end) ?? NaN;
    expect(value('gross_margin')).toBeGreaterThan(65);
    expect(value('gross_margin')).toBeLessThan(85);
    expect(value('runway')).toBeGreaterThan(12);
    expect(value('runway')).toBeLessThan(80);
    expect(value('nrr')).toBeGreaterThan(95);
    expect(value('nrr')).toBeLessThan(110);
    expect(value('nps')).toBeGreaterThan(10);
    expect(value('nps')).toBeLessThan(70);
    expect(value('burn')).toBeGreaterThan(0);
    expect(value('revenue')).toBeGreaterThan(0);
  });
});

describe('targets', () => {
  it('exist for every metric and every period covered, plus the next quarter', () => {
    const periods = targetPeriods(company.factStart, ANCHOR);
    expect(periods.map((period) => period.key)).toContain('2027-Q1');
    for (const metric of METRICS) {
      for (const period of periods) {
        const matches = company.targets.filter(
          (target) => target.metricId === metric.id && target.period === period.key,
        );
        expect(matches, `${metric.id} ${period.key}`).toHaveLength(1);
      }
    }
    expect(company.targets).toHaveLength(METRICS.length * periods.length);
  });

  it('are beaten by some metrics and missed by others', () => {
    const quarters = periodsOverlapping(
      company.factStart,
      previousPeriod(periodContaining(ANCHOR, 'QUARTER')).end,
      'QUARTER',
    );
    let beaten = 0;
    let missed = 0;
    for (const metric of METRICS) {
      for (const quarter of quarters) {
        const actual = evaluateMetric(metric, company.facts, quarter.start, quarter.end);
        const target = company.targets.find(
          (entry) => entry.metricId === metric.id && entry.period === quarter.key,
        )?.value;
        if (actual === null || target === undefined) continue;
        if (metric.higherIsBetter ? actual >= target : actual <= target) beaten++;
        else missed++;
      }
    }
    expect(beaten / (beaten + missed)).toBeGreaterThan(0.3);
    expect(missed / (beaten + missed)).toBeGreaterThan(0.2);
  });
});
