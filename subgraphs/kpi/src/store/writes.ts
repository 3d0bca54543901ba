import type { SqlRunner } from '@sophia/kit';
import type { DailyFact, MetricDefinition, MetricTarget } from '@sophia/domain';

/** Writes metric definitions by id, in the order given (the order the API lists them in). */
export async function upsertMetricDefinitions(
  tx: SqlRunner,
  metrics: readonly MetricDefinition[],
): Promise<void> {
  const [last] = await tx.query<{ next: number }>(
    'SELECT CAST(COALESCE(MAX(position), -1) + 1 AS INTEGER) AS next FROM metric_definitions',
  );
  const known = new Map(
    (await tx.query<{ id: string; position: number }>('SELECT id, position FROM metric_definitions')).map(
      (row) => [row.id, row.position],
    ),
  );
  let next = last?.next ?? 0;
  await tx.upsertRows(
    'metric_definitions',
    metrics.map((metric) => ({
      id: metric.id,
      position: known.get(metric.id) ?? next++,
      name: metric.name,
      description: metric.description,
      unit: metric.unit,
      category: metric.category,
      aggregation: metric.aggregation,
      higher_is_better: metric.higherIsBetter,
      formula: metric.formula,
    })),
    ['id'],
  );
}

/** Writes daily facts by (fact, date): a day already recorded takes the new value. */
export function upsertDailyFacts(tx: SqlRunner, facts: readonly DailyFact[]): Promise<void> {
  return tx.upsertRows(
    'daily_facts',
    facts.map(({ date, fact, value }) => ({ date, fact, value })),
    ['fact', 'date'],
  );
}

/** Writes targets by (metric, period). */
export function upsertMetricTargets(tx: SqlRunner, targets: readonly MetricTarget[]): Promise<void> {
  return tx.upsertRows(
    'metric_targets',
    targets.map((target) => ({ metric_id: target.metricId, period: target.period, value: target.value })),
    ['metric_id', 'period'],
  );
}
