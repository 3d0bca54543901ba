/**
 * Quarterly OKRs for the quarters before, containing and after the anchor. A key result tied to a metric
 * reads its numbers from the same facts and targets as the kpi subgraph, so the two always agree.
 */
import {
  parseIsoDate,
  evaluateMetric,
  metricById,
  type Period,
  nextPeriod,
  periodContaining,
  previousPeriod,
  keyResultMeasurementRange,
  type DailyFact,
  type KeyResult,
  type MetricDefinition,
  type MetricTarget,
  type Objective,
  type Team,
} from '@sophia/domain';
import { formatValue } from './format.ts';
import { type KeyResultPlan, OBJECTIVE_PLANS } from './objective-plans.ts';
import type { Rng } from './prng.ts';
import { roundTarget } from './targets.ts';

interface ObjectiveInputs {
  teams: readonly Team[];
  facts: readonly DailyFact[];
  targets: readonly MetricTarget[];
  anchor: string;
}

function roundForUnit(value: number, unit: KeyResult['unit']): number {
  return unit === 'COUNT' ? Math.round(value) : Math.round(value * 100) / 100;
}

/**
 * The plan's target when it asks for progress from the start value; otherwise (the plan is already beaten) a
 * stretch one step beyond the start, as teams write OKRs. Progress then always points the metric's good way.
 */
function objectiveTarget(metric: MetricDefinition, startValue: number, planned: number | null): number {
  const improves = (value: number) => (metric.higherIsBetter ? value > startValue : value < startValue);
  if (planned !== null && improves(planned)) return planned;
  const step = metric.unit === 'PERCENT' || metric.unit === 'SCORE' ? 1 : Math.abs(startValue) * 0.05;
  return roundTarget(startValue + (metric.higherIsBetter ? step : -step), metric.unit);
}

function metricKeyResult(
  plan: Extract<KeyResultPlan, { metricId: string }>,
  period: Period,
  inputs: ObjectiveInputs,
): Omit<KeyResult, 'id' | 'objectiveId'> {
  const metric = metricById(plan.metricId);
  const measured = keyResultMeasurementRange(period, inputs.anchor);
  const before = keyResultMeasurementRange(previousPeriod(period), inputs.anchor);
  const previousValue = before ? evaluateMetric(metric, inputs.facts, before.start, before.end) : null;
  const startValue = plan.baseline === 'ZERO' ? 0 : plan.baseline === 'HUNDRED' ? 100 : (previousValue ?? 0);
  const currentValue = measured
    ? (evaluateMetric(metric, inputs.facts, measured.start, measured.end) ?? startValue)
    : startValue;
  const target = inputs.targets.find(
    (candidate) => candidate.metricId === metric.id && candidate.period === period.key,
  );
  const targetValue = objectiveTarget(metric, startValue, target?.value ?? null);
  const title = plan.title
    .replace('{start}', formatValue(startValue, metric.unit))
    .replace('{target}', formatValue(targetValue, metric.unit));
  return { title, metricId: metric.id, unit: metric.unit, startValue, targetValue, currentValue };
}

/** Done key results of past quarters land around their target; the current quarter is partway. */
function manualKeyResult(
  rng: Rng,
  plan: Extract<KeyResultPlan, { metricId: null }>,
  period: Period,
  anchor: string,
): Omit<KeyResult, 'id' | 'objectiveId'> {
  const start = parseIsoDate(period.start);
  const elapsed = Math.min(
    1,
    Math.max(0, (parseIsoDate(anchor) - start + 1) / (parseIsoDate(period.end) - start + 1)),
  );
  const achieved = elapsed >= 1 ? rng.float(0.6, 1.05) : elapsed * rng.float(0.6, 1.2);
  const currentValue = roundForUnit(
    plan.start + Math.min(1, achieved) * (plan.target - plan.start),
    plan.unit,
  );
  return {
    title: plan.title,
    metricId: null,
    unit: plan.unit,
    startValue: plan.start,
    targetValue: plan.target,
    currentValue,
  };
}

export function buildObjectives(rng: Rng, inputs: ObjectiveInputs): Objective[] {
  const current = periodContaining(inputs.anchor, 'QUARTER');
  const quarters = [previousPeriod(current), current, nextPeriod(current)];
  return quarters.flatMap((period) => {
    const quarterNumber = Number(period.key.slice(-1));
    const yearNumber = Number(period.key.slice(0, 4));
    const resting = 1 + ((yearNumber * 4 + quarterNumber) % (OBJECTIVE_PLANS.length - 1));
    const plans = OBJECTIVE_PLANS.filter((_, index) => index !== resting);
    const periodSlug = period.key.toLowerCase().replace('-', '');
    return plans.map((plan, index): Objective => {
      const objectiveRng = rng.fork(`${period.key}/${plan.teamId}`);
      const id = `obj_${periodSlug}_${String(index + 1).padStart(2, '0')}`;
      const team = inputs.teams.find((candidate) => candidate.id === plan.teamId);
      return {
        id,
        period: period.key,
        title: plan.titles[(yearNumber * 4 + quarterNumber) % plan.titles.length] ?? plan.titles[0] ?? '',
        ownerId: team?.leadId ?? '',
        teamId: plan.teamId,
        keyResults: plan.keyResults.map((keyResult, krIndex) => ({
          id: `kr_${periodSlug}_${String(index + 1).padStart(2, '0')}_${krIndex + 1}`,
          objectiveId: id,
          ...(keyResult.metricId === null
            ? manualKeyResult(objectiveRng, keyResult, period, inputs.anchor)
            : metricKeyResult(keyResult, period, inputs)),
        })),
      };
    });
  });
}
