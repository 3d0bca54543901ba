import type { DailyFact, FactName, MetricDefinition, MetricFormula, MetricTarget } from '@sophia/domain';
import {
  KPI_STORE,
  upsertDailyFacts,
  upsertDailyFactsFrom,
  upsertMetricDefinitions,
  upsertMetricTargets,
  upsertMetricTargetsFrom,
} from '@sophia/kpi/store';
import {
  boolean,
  date,
  id,
  json,
  matching,
  number,
  oneOf,
  period,
  required,
  text,
  type Parse,
} from '../fields.ts';
import { defineKind } from '../kind.ts';

const FACT_NAME_PATTERN = '[a-z][a-z0-9_]{0,63}';
const FACT_NAME = new RegExp(`^${FACT_NAME_PATTERN}$`);

const factName = matching(
  FACT_NAME_PATTERN,
  (value) => `must be a fact name (lower case, digits, _), not ${JSON.stringify(value)}`,
);

const isTerm = (term: unknown): boolean => {
  const t = term as { fact?: unknown; agg?: unknown; sign?: unknown };
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.fact === 'string' &&
    FACT_NAME.test(t.fact) &&
    ['sum', 'last', 'first'].includes(String(t.agg)) &&
    (t.sign === undefined || t.sign === 1 || t.sign === -1)
  );
};

/** `{"kind":"sum","fact":…}`, `{"kind":"last","fact":…}` or `{"kind":"ratio","numerator":[…],"denominator":[…]}`. */
const formula: Parse<MetricFormula> = (value) => {
  const parsed = json(value);
  if (!('value' in parsed)) return parsed;
  const f = parsed.value as { kind?: unknown; fact?: unknown; numerator?: unknown; denominator?: unknown };
  const simple =
    (f.kind === 'sum' || f.kind === 'last') && typeof f.fact === 'string' && FACT_NAME.test(f.fact);
  const ratio =
    f.kind === 'ratio' &&
    Array.isArray(f.numerator) &&
    Array.isArray(f.denominator) &&
    f.numerator.length > 0 &&
    f.denominator.length > 0 &&
    [...f.numerator, ...f.denominator].every(isTerm);
  return simple || ratio
    ? { value: parsed.value as MetricFormula }
    : {
        problem:
          'must be a formula: {"kind":"sum"|"last","fact":…} or {"kind":"ratio","numerator":[…],"denominator":[…]}',
      };
};

export const metrics = defineKind<MetricDefinition>({
  name: 'metrics',
  summary: 'Metric definitions: what each KPI is and how it is computed from daily facts.',
  store: KPI_STORE,
  fields: [
    required('id', id, 'the metric’s id, e.g. `revenue`'),
    required('name', text, 'its display name'),
    required('description', text, 'one plain sentence'),
    required(
      'unit',
      oneOf(['CURRENCY', 'PERCENT', 'COUNT', 'MONTHS', 'SCORE', 'RATIO'] as const),
      'CURRENCY, PERCENT, COUNT, MONTHS, SCORE or RATIO',
    ),
    required(
      'category',
      oneOf(['FINANCE', 'SALES', 'CUSTOMERS', 'PEOPLE'] as const),
      'FINANCE, SALES, CUSTOMERS or PEOPLE',
    ),
    required(
      'aggregation',
      oneOf(['FLOW', 'STOCK', 'RATIO'] as const),
      'FLOW (summed), STOCK (level at the end) or RATIO',
    ),
    required('higher_is_better', boolean, 'true or false'),
    required(
      'formula',
      formula,
      'JSON: {"kind":"sum","fact":"revenue"}, {"kind":"last","fact":"arr"} or a ratio of terms',
    ),
  ],
  key: ['id'],
  defines: 'metrics',
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      id: values['id'] as string,
      name: values['name'] as string,
      description: values['description'] as string,
      unit: values['unit'] as MetricDefinition['unit'],
      category: values['category'] as MetricDefinition['category'],
      aggregation: values['aggregation'] as MetricDefinition['aggregation'],
      higherIsBetter: values['higher_is_better'] as boolean,
      formula: values['formula'] as MetricFormula,
    })),
  write: upsertMetricDefinitions,
});

export const facts = defineKind<DailyFact>({
  name: 'facts',
  summary: 'Daily facts every KPI is computed from: one value of one fact on one day.',
  store: KPI_STORE,
  fields: [
    required('date', date, 'the day, YYYY-MM-DD'),
    required('fact', factName, 'the fact’s name, e.g. `revenue`, `new_bookings`, `arr`'),
    required('value', number, 'flows: the amount that day; stocks: the level at the end of the day'),
  ],
  key: ['fact', 'date'],
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      date: values['date'] as string,
      fact: values['fact'] as FactName,
      value: values['value'] as number,
    })),
  write: upsertDailyFacts,
  upsertStaged: (tx, dialect, rows) =>
    upsertDailyFactsFrom(tx, dialect, `(SELECT date, fact, value FROM ${rows})`),
});

export const targets = defineKind<MetricTarget>({
  name: 'targets',
  summary: 'Targets of metrics per period.',
  store: KPI_STORE,
  fields: [
    required('metric_id', id, 'the metric (a `metrics` id)'),
    required('period', period(), 'a quarter, month or year: 2026-Q3, 2026-11, 2026'),
    required('value', number, 'the target'),
  ],
  key: ['metric_id', 'period'],
  references: [{ column: 'metric_id', to: 'metrics' }],
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      metricId: values['metric_id'] as string,
      period: values['period'] as string,
      value: values['value'] as number,
    })),
  write: upsertMetricTargets,
  upsertStaged: upsertMetricTargetsFrom,
});
