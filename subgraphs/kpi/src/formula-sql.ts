import type { SqlParam } from '@sophia/kit';
import type { FormulaTerm, MetricFormula } from '@sophia/domain';

/** A piece of SQL with its `?` parameters, in the order they appear. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

/**
 * Translates a metric formula into one aggregate expression over fact rows aliased `f` (`f.date`, `f.fact`,
 * `f.value`), so a GROUP BY over date ranges computes the metric for every range in one query:
 * flows summed, stocks taken on the range's last day with data, ratios recomputed from their summed parts.
 * An aggregate over no rows is NULL, so a range without data yields NULL, never zero.
 */
export function formulaToSql(formula: MetricFormula): SqlFragment {
  switch (formula.kind) {
    case 'sum':
      return termToSql({ fact: formula.fact, agg: 'sum' });
    case 'last':
      return termToSql({ fact: formula.fact, agg: 'last' });
    case 'ratio': {
      const numerator = termsToSql(formula.numerator);
      const denominator = termsToSql(formula.denominator);
      return {
        sql: `(${numerator.sql} / NULLIF(${denominator.sql}, 0) * ?)`,
        params: [...numerator.params, ...denominator.params, formula.scale ?? 1],
      };
    }
  }
}

/** Every fact a formula reads, so a query can skip the rest. */
export function factsOf(formula: MetricFormula): string[] {
  if (formula.kind !== 'ratio') return [formula.fact];
  return [...new Set([...formula.numerator, ...formula.denominator].map((term) => term.fact))];
}

function termsToSql(terms: readonly FormulaTerm[]): SqlFragment {
  const parts = terms.map((term, index) => {
    const { sql, params } = termToSql(term);
    const sign = term.sign === -1 ? '-' : index === 0 ? '' : '+';
    return { sql: `${sign} ${sql}`.trim(), params };
  });
  return {
    sql: `(${parts.map((part) => part.sql).join(' ')})`,
    params: parts.flatMap((part) => part.params),
  };
}

/**
 * `expr` for the term's fact's rows only, NULL for the others (which aggregates skip). CASE rather than
 * `FILTER (WHERE …)`, and MAX_BY/MIN_BY rather than arg_max/arg_min: the same SQL runs on DuckDB and Snowflake.
 */
const ofFact = (expr: string): string => `CASE WHEN f.fact = ? THEN ${expr} END`;

function termToSql(term: FormulaTerm): SqlFragment {
  const byDate = [term.fact, term.fact];
  if (term.agg === 'last') {
    return { sql: `max_by(${ofFact('f.value')}, ${ofFact('f.date')})`, params: byDate };
  }
  if (term.agg === 'first') {
    return { sql: `min_by(${ofFact('f.value')}, ${ofFact('f.date')})`, params: byDate };
  }
  if (!term.perMonth) return { sql: `SUM(${ofFact('f.value')})`, params: [term.fact] };
  // A monthly rate: the daily average over the days that have the fact, times the days of an average month.
  return {
    sql: `(SUM(${ofFact('f.value')}) / COUNT(DISTINCT ${ofFact('f.date')}) * (365.25 / 12))`,
    params: [term.fact, term.fact],
  };
}
