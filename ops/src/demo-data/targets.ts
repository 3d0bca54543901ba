/**
 * Targets for every metric and every period the data covers, plus the next quarter and the rest of the current
 * year: the metric evaluated over the plan, rounded the way a finance team would write it down.
 */
import {
  evaluateMetric,
  type Period,
  nextPeriod,
  periodContaining,
  periodsOverlapping,
  type DailyFact,
  type MetricDefinition,
  type MetricTarget,
  type MetricUnit,
} from '@sophia/domain';

/** Quarters, months and years that get targets, in order. */
export function targetPeriods(factStart: string, anchor: string): Period[] {
  const nextQuarter = nextPeriod(periodContaining(anchor, 'QUARTER'));
  const yearEnd = periodContaining(anchor, 'YEAR').end;
  const lastDay = nextQuarter.end > yearEnd ? nextQuarter.end : yearEnd;
  const quarters = periodsOverlapping(factStart, lastDay, 'QUARTER');
  const quarterKeys = new Set(quarters.map((quarter) => quarter.key));
  const years = periodsOverlapping(factStart, lastDay, 'YEAR').filter((year) =>
    [1, 2, 3, 4].every((quarter) => quarterKeys.has(`${year.key}-Q${quarter}`)),
  );
  return [...quarters, ...periodsOverlapping(factStart, lastDay, 'MONTH'), ...years];
}

/** The last day any target period covers: how far the plan must reach. */
export function lastTargetDay(periods: readonly Period[]): string {
  return periods.reduce((last, period) => (period.end > last ? period.end : last), '');
}

export function roundTarget(value: number, unit: MetricUnit): number {
  if (unit === 'COUNT') return Math.round(value);
  if (unit !== 'CURRENCY') return Math.round(value * 10) / 10;
  const step = Math.abs(value) >= 1_000_000 ? 10_000 : Math.abs(value) >= 100_000 ? 1_000 : 100;
  return Math.round(value / step) * step;
}

export function buildTargets(
  metrics: readonly MetricDefinition[],
  planFacts: readonly DailyFact[],
  periods: readonly Period[],
): MetricTarget[] {
  const targets: MetricTarget[] = [];
  for (const metric of metrics) {
    for (const period of periods) {
      const value = evaluateMetric(metric, planFacts, period.start, period.end);
      if (value !== null)
        targets.push({ metricId: metric.id, period: period.key, value: roundTarget(value, metric.unit) });
    }
  }
  return targets;
}
