import { upsertSelectSql, type Dialect, type SqlRunner } from '@sophia/kit';

/**
 * The kpi store's set-wise writes, for rows already in the database (an import's staging table): the same
 * upserts as `writes.ts`, one statement for any number of rows, in the store's dialect.
 */

/** Daily facts by (fact, date) from `source`, a relation with columns `date`, `fact`, `value`. */
export function upsertDailyFactsFrom(tx: SqlRunner, dialect: Dialect, source: string): Promise<void> {
  return tx.run(
    upsertSelectSql(dialect, {
      table: 'daily_facts',
      columns: ['date', 'fact', 'value'],
      key: ['fact', 'date'],
      source,
    }),
  );
}

/** Targets by (metric, period) from `source`, a relation with columns `metric_id`, `period`, `value`. */
export function upsertMetricTargetsFrom(tx: SqlRunner, dialect: Dialect, source: string): Promise<void> {
  return tx.run(
    upsertSelectSql(dialect, {
      table: 'metric_targets',
      columns: ['metric_id', 'period', 'value'],
      key: ['metric_id', 'period'],
      source,
    }),
  );
}
