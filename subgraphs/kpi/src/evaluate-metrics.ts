import type { SqlParam, SqlRunner } from '@sophia/kit';
import type { MetricFormula } from '@sophia/domain';
import { factsOf, formulaToSql } from './formula-sql.ts';

/** An inclusive range of days, ISO dates. */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

/** Metric values by range (`rangeKey`) and metric id; a missing entry means no data covers it. */
export type MetricValues = ReadonlyMap<string, ReadonlyMap<string, number | null>>;

export const rangeKey = (range: DateRange): string => `${range.start}/${range.end}`;

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Every metric over every range in ONE query over `daily_facts(date, fact, value)`: the ranges are joined to
 * the facts they cover and grouped, and each metric is one aggregate column translated from its formula.
 * Ranges may overlap (a quarter and its months), so cards and series share the query.
 */
export async function evaluateMetrics(
  db: SqlRunner,
  metrics: ReadonlyArray<{ readonly id: string; readonly formula: MetricFormula }>,
  ranges: readonly DateRange[],
): Promise<MetricValues> {
  const result = new Map<string, Map<string, number | null>>();
  if (metrics.length === 0 || ranges.length === 0) return result;
  const columns = metrics.map((metric) => formulaToSql(metric.formula));
  const facts = [...new Set(metrics.flatMap((metric) => factsOf(metric.formula)))];
  const params: SqlParam[] = [
    ...ranges.flatMap((range) => [rangeKey(range), range.start, range.end]),
    ...columns.flatMap((column) => column.params),
    ...facts,
  ];
  const rows = await db.query<Record<string, unknown>>(
    `WITH ranges(range_key, start_date, end_date) AS (
       VALUES ${ranges.map(() => '(?, ?::DATE, ?::DATE)').join(', ')})
     SELECT r.range_key, ${columns.map((column, i) => `${column.sql} AS m${i}`).join(', ')}
     FROM ranges r JOIN daily_facts f ON f.date BETWEEN r.start_date AND r.end_date
     WHERE f.fact IN (${placeholders(facts)})
     GROUP BY r.range_key`,
    params,
  );
  for (const row of rows) {
    const values = new Map<string, number | null>();
    metrics.forEach((metric, i) => values.set(metric.id, finiteOrNull(row[`m${i}`])));
    result.set(String(row['range_key']), values);
  }
  return result;
}

/**
 * Twelve significant digits: far beyond any figure's meaning, and it drops the binary noise of summing
 * doubles (7992708.529999998 reads 7992708.53), so clients and the assistant show the number as booked.
 */
function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(12)) : null;
}
