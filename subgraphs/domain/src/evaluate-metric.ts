/**
 * The reference implementation of a metric formula over daily facts. The kpi subgraph turns the same formula
 * into SQL; tests compare the two.
 */
import type { FormulaTerm, MetricDefinition } from './types.ts';

/** Any row shaped like a daily fact, e.g. read back from a database. */
export interface FactRow {
  date: string;
  fact: string;
  value: number;
}

interface FactSeries {
  dates: string[];
  values: number[];
}

const DAYS_PER_MONTH = 365.25 / 12;

/** Facts grouped by name and ordered by date, cached per array (treat it as immutable) for repeated evaluations. */
const seriesCache = new WeakMap<readonly FactRow[], Map<string, FactSeries>>();

function seriesByFact(facts: readonly FactRow[]): Map<string, FactSeries> {
  const cached = seriesCache.get(facts);
  if (cached) return cached;
  const grouped = new Map<string, FactRow[]>();
  for (const row of facts) {
    const rows = grouped.get(row.fact) ?? [];
    rows.push(row);
    grouped.set(row.fact, rows);
  }
  const series = new Map<string, FactSeries>();
  for (const [fact, rows] of grouped) {
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    series.set(fact, { dates: rows.map((row) => row.date), values: rows.map((row) => row.value) });
  }
  seriesCache.set(facts, series);
  return series;
}

/** Index of the first date ≥ `date` (ISO dates compare as strings). */
function lowerBound(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((dates[middle] ?? '') < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A term over [start, end]; null when the fact has no value in the range. */
function evaluateTerm(
  series: Map<string, FactSeries>,
  term: FormulaTerm,
  start: string,
  end: string,
): number | null {
  const data = series.get(term.fact);
  if (!data) return null;
  const from = lowerBound(data.dates, start);
  const to = lowerBound(data.dates, `${end}\uffff`);
  if (from >= to) return null;
  if (term.agg === 'first') return data.values[from] ?? null;
  if (term.agg === 'last') return data.values[to - 1] ?? null;
  let sum = 0;
  for (let index = from; index < to; index++) sum += data.values[index] ?? 0;
  return term.perMonth ? (sum / (to - from)) * DAYS_PER_MONTH : sum;
}

function sumTerms(
  series: Map<string, FactSeries>,
  terms: readonly FormulaTerm[],
  start: string,
  end: string,
) {
  let total = 0;
  for (const term of terms) {
    const value = evaluateTerm(series, term, start, end);
    if (value === null) return null;
    total += (term.sign ?? 1) * value;
  }
  return total;
}

/**
 * A metric's value over the inclusive ISO date range [start, end]. Null when the range holds no facts for it, or
 * a ratio's denominator is zero.
 */
export function evaluateMetric(
  definition: Pick<MetricDefinition, 'formula'>,
  facts: readonly FactRow[],
  start: string,
  end: string,
): number | null {
  const series = seriesByFact(facts);
  const formula = definition.formula;
  if (formula.kind === 'sum') return evaluateTerm(series, { fact: formula.fact, agg: 'sum' }, start, end);
  if (formula.kind === 'last') return evaluateTerm(series, { fact: formula.fact, agg: 'last' }, start, end);
  const numerator = sumTerms(series, formula.numerator, start, end);
  const denominator = sumTerms(series, formula.denominator, start, end);
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * (formula.scale ?? 1);
}
