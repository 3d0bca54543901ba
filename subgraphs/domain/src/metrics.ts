/**
 * The KPIs executives ask about, as definitions over daily facts. The same list seeds the kpi subgraph, its docs
 * and the assistant's answers, so each description is one plain sentence.
 */
import type { FormulaTerm, MetricDefinition } from './types.ts';

const sumOf = (fact: FormulaTerm['fact'], sign: 1 | -1 = 1): FormulaTerm => ({ fact, agg: 'sum', sign });

export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'revenue',
    name: 'Revenue',
    unit: 'CURRENCY',
    category: 'FINANCE',
    description: 'Subscription and services revenue recognised in the period.',
    aggregation: 'FLOW',
    higherIsBetter: true,
    formula: { kind: 'sum', fact: 'revenue' },
  },
  {
    id: 'arr',
    name: 'ARR',
    unit: 'CURRENCY',
    category: 'FINANCE',
    description:
      'Annual recurring revenue at the end of the period: the yearly value of all active customer contracts.',
    aggregation: 'STOCK',
    higherIsBetter: true,
    formula: { kind: 'last', fact: 'arr' },
  },
  {
    id: 'new_bookings',
    name: 'Bookings',
    unit: 'CURRENCY',
    category: 'SALES',
    description:
      'Annual contract value of all deals closed won in the period: new business, expansions and renewals.',
    aggregation: 'FLOW',
    higherIsBetter: true,
    formula: { kind: 'sum', fact: 'new_bookings' },
  },
  {
    id: 'gross_margin',
    name: 'Gross margin',
    unit: 'PERCENT',
    category: 'FINANCE',
    description: 'Revenue minus cost of revenue, as a percentage of revenue over the period.',
    aggregation: 'RATIO',
    higherIsBetter: true,
    formula: {
      kind: 'ratio',
      numerator: [sumOf('revenue'), sumOf('cogs', -1)],
      denominator: [sumOf('revenue')],
      scale: 100,
    },
  },
  {
    id: 'burn',
    name: 'Net burn',
    unit: 'CURRENCY',
    category: 'FINANCE',
    description:
      'Cash spent beyond revenue in the period: cost of revenue, opex and sales and marketing minus revenue.',
    aggregation: 'FLOW',
    higherIsBetter: false,
    formula: { kind: 'sum', fact: 'net_burn' },
  },
  {
    id: 'cash',
    name: 'Cash',
    unit: 'CURRENCY',
    category: 'FINANCE',
    description: 'Cash in the bank at the end of the period.',
    aggregation: 'STOCK',
    higherIsBetter: true,
    formula: { kind: 'last', fact: 'cash' },
  },
  {
    id: 'runway',
    name: 'Runway',
    unit: 'MONTHS',
    category: 'FINANCE',
    description: 'Months the cash at the end of the period lasts at the monthly net burn of the period.',
    aggregation: 'RATIO',
    higherIsBetter: true,
    formula: {
      kind: 'ratio',
      numerator: [{ fact: 'cash', agg: 'last' }],
      denominator: [{ fact: 'net_burn', agg: 'sum', perMonth: true }],
    },
  },
  {
    id: 'nrr',
    name: 'Net revenue retention',
    unit: 'PERCENT',
    category: 'CUSTOMERS',
    description:
      'ARR at the start of the period plus expansion minus churn and downgrades, as a percentage of the starting ARR (not annualised).',
    aggregation: 'RATIO',
    higherIsBetter: true,
    formula: {
      kind: 'ratio',
      numerator: [{ fact: 'arr', agg: 'first' }, sumOf('expansion_arr'), sumOf('churned_arr', -1)],
      denominator: [{ fact: 'arr', agg: 'first' }],
      scale: 100,
    },
  },
  {
    id: 'churn',
    name: 'Gross revenue churn',
    unit: 'PERCENT',
    category: 'CUSTOMERS',
    description:
      'ARR lost to cancellations and downgrades in the period, as a percentage of ARR at its start.',
    aggregation: 'RATIO',
    higherIsBetter: false,
    formula: {
      kind: 'ratio',
      numerator: [sumOf('churned_arr')],
      denominator: [{ fact: 'arr', agg: 'first' }],
      scale: 100,
    },
  },
  {
    id: 'cac',
    name: 'Customer acquisition cost',
    unit: 'CURRENCY',
    category: 'SALES',
    description: 'Sales and marketing spend in the period divided by the new customers won in it.',
    aggregation: 'RATIO',
    higherIsBetter: false,
    formula: {
      kind: 'ratio',
      numerator: [sumOf('sales_marketing_spend')],
      denominator: [sumOf('new_customers')],
    },
  },
  {
    id: 'headcount',
    name: 'Headcount',
    unit: 'COUNT',
    category: 'PEOPLE',
    description: 'People employed at the end of the period.',
    aggregation: 'STOCK',
    higherIsBetter: true,
    formula: { kind: 'last', fact: 'headcount' },
  },
  {
    id: 'pipeline_coverage',
    name: 'Pipeline coverage',
    unit: 'RATIO',
    category: 'SALES',
    description: "Open pipeline at the end of the period divided by a quarter's worth of bookings target.",
    aggregation: 'RATIO',
    higherIsBetter: true,
    formula: {
      kind: 'ratio',
      numerator: [{ fact: 'open_pipeline', agg: 'last' }],
      denominator: [{ fact: 'bookings_target_daily', agg: 'sum', perMonth: true }],
      // A monthly target rate times three is a quarter's target, for a period of any length.
      scale: 1 / 3,
    },
  },
  {
    id: 'win_rate',
    name: 'Win rate',
    unit: 'PERCENT',
    category: 'SALES',
    description: 'Deals closed won as a percentage of all deals closed in the period.',
    aggregation: 'RATIO',
    higherIsBetter: true,
    formula: {
      kind: 'ratio',
      numerator: [sumOf('deals_won')],
      denominator: [sumOf('deals_won'), sumOf('deals_lost')],
      scale: 100,
    },
  },
  {
    id: 'nps',
    name: 'Net promoter score',
    unit: 'SCORE',
    category: 'CUSTOMERS',
    description:
      'Promoters minus detractors as a percentage of all survey responses in the period, from −100 to 100.',
    aggregation: 'RATIO',
    higherIsBetter: true,
    formula: {
      kind: 'ratio',
      numerator: [sumOf('nps_promoters'), sumOf('nps_detractors', -1)],
      denominator: [sumOf('nps_promoters'), sumOf('nps_passives'), sumOf('nps_detractors')],
      scale: 100,
    },
  },
  {
    id: 'new_customers',
    name: 'New customers',
    unit: 'COUNT',
    category: 'CUSTOMERS',
    description: 'New-business deals closed won in the period: customers signed for the first time.',
    aggregation: 'FLOW',
    higherIsBetter: true,
    formula: { kind: 'sum', fact: 'new_customers' },
  },
];

/** @throws Error for an id that is not in `METRICS` (a programming error). */
export function metricById(id: string): MetricDefinition {
  const metric = METRICS.find((candidate) => candidate.id === id);
  if (!metric) throw new Error(`Unknown metric: ${id}`);
  return metric;
}
