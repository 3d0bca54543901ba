import { upsertSelect } from '@sophia/kit';

/**
 * The kpi store's set-wise writes, for rows already in the database (an import's staging table): the same
 * upserts as `writes.ts`, one statement for any number of rows, in the store's dialect.
 */

/** Daily facts by (fact, date) from a relation with columns `date`, `fact`, `value`. */
export const upsertDailyFactsFrom = upsertSelect('daily_facts', ['date', 'fact', 'value'], ['fact', 'date']);

/** Targets by (metric, period) from a relation with columns `metric_id`, `period`, `value`. */
export const upsertMetricTargetsFrom = upsertSelect(
  'metric_targets',
  ['metric_id', 'period', 'value'],
  ['metric_id', 'period'],
);
