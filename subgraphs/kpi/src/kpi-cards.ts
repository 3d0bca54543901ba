import { previousPeriod, periodContaining, type Period } from '@sophia/domain';
import type { KpiStatus } from './__generated__/resolvers-types.ts';
import { daysBetween } from './calendar.ts';
import { kpiStatus, relativeChange } from './kpi-status.ts';
import type { KpiLoaders } from './loaders.ts';
import type { MetricRow } from './store.ts';

/** The headline metrics, in the order the dashboard shows their cards. */
export const HEADLINE_METRIC_IDS = [
  'revenue',
  'arr',
  'new_bookings',
  'gross_margin',
  'burn',
  'runway',
  'nrr',
  'churn',
  'cac',
  'headcount',
  'pipeline_coverage',
  'nps',
] as const;

export const SPARKLINE_LENGTH = 12;

export interface KpiCardModel {
  readonly metric: MetricRow;
  readonly period: string;
  readonly previousPeriod: string;
  readonly value: number | null;
  readonly previousValue: number | null;
  readonly change: number | null;
  readonly target: number | null;
  readonly status: KpiStatus;
  /** The periods of the card's sparkline: its values are read only when a client asks for them. */
  readonly sparklineSteps: readonly Period[];
  readonly partial: boolean;
}

/**
 * One card per headline metric. Every value and previous value of every card is requested in the same tick,
 * so the loaders answer the whole set with one values query and one targets query. The sparklines, twelve
 * values a card and most of the work, are read by `sparklineOf` when a client selects them (the dashboard
 * does; the assistant asks for the figures alone): all cards' in one more values query.
 */
export async function kpiCards(period: Period, today: string, loaders: KpiLoaders): Promise<KpiCardModel[]> {
  const metrics = (await loaders.metric.loadMany(HEADLINE_METRIC_IDS)).filter(
    (metric): metric is MetricRow => metric !== null && !(metric instanceof Error),
  );
  const previous = previousPeriod(period);
  const partial = period.start <= today && today < period.end;
  // Share of a running period that has elapsed: flows so far are judged against this share of their target.
  const elapsed = partial ? daysBetween(period.start, today) / daysBetween(period.start, period.end) : 1;
  const steps = sparklinePeriods(period, today);

  return Promise.all(
    metrics.map(async (metric) => {
      const [value, previousValue, target] = await Promise.all([
        loaders.value.load({ metric, range: period }),
        loaders.value.load({ metric, range: previous }),
        loaders.target.load({ metricId: metric.id, period: period.key }),
      ]);
      const proRata = metric.aggregation === 'FLOW' ? elapsed : 1;
      return {
        metric,
        period: period.key,
        previousPeriod: previous.key,
        value,
        previousValue,
        change: relativeChange(value, previousValue === null ? null : previousValue * proRata),
        target,
        status: kpiStatus(value, target === null ? null : target * proRata, metric.higherIsBetter),
        sparklineSteps: steps,
        partial,
      };
    }),
  );
}

/** A card's sparkline: its metric's value at each step, oldest first; steps without data are left out. */
export async function sparklineOf(card: KpiCardModel, loaders: KpiLoaders): Promise<number[]> {
  const points = await Promise.all(
    card.sparklineSteps.map((step) => loaders.value.load({ metric: card.metric, range: step })),
  );
  return points.filter((point): point is number => point !== null);
}

/**
 * The sparkline's steps: months for a quarter or month card, quarters for a year card, the last twelve
 * ending with the step that holds the period's last day — or today, while the period is running.
 */
export function sparklinePeriods(period: Period, today: string): Period[] {
  const grain = period.grain === 'YEAR' ? 'QUARTER' : 'MONTH';
  const lastDay = period.start <= today && today < period.end ? today : period.end;
  const steps = [periodContaining(lastDay, grain)];
  while (steps.length < SPARKLINE_LENGTH) steps.unshift(previousPeriod(steps[0]!));
  return steps;
}
