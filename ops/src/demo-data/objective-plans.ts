/** The company's recurring OKRs as data: each team's objective and its key results. */
import type { MetricUnit } from '@sophia/domain';

/**
 * Where a metric key result starts: from zero (flows counted over the quarter), from 100 (retention, which
 * starts the quarter at 100%), or from the metric's value in the previous quarter.
 */
export type KeyResultBaseline = 'ZERO' | 'HUNDRED' | 'PREVIOUS_QUARTER';

export type KeyResultPlan =
  | {
      metricId: string;
      baseline: KeyResultBaseline;
      /** `{start}`, `{target}` are filled in. */ title: string;
    }
  | { metricId: null; title: string; unit: MetricUnit; start: number; target: number };

export interface ObjectivePlan {
  teamId: string;
  /** One is picked per quarter, so successive quarters read differently. */
  titles: readonly string[];
  keyResults: readonly KeyResultPlan[];
}

/** The company objective comes first and every quarter has it; one team objective sits out each quarter. */
export const OBJECTIVE_PLANS: readonly ObjectivePlan[] = [
  {
    teamId: 'team_executive',
    titles: [
      'Grow efficiently',
      'Accelerate durable, efficient growth',
      'Win the mid-market analytics category',
    ],
    keyResults: [
      { metricId: 'arr', baseline: 'PREVIOUS_QUARTER', title: 'Grow ARR from {start} to {target}' },
      { metricId: 'new_bookings', baseline: 'ZERO', title: 'Book {target} in the quarter' },
      { metricId: 'nrr', baseline: 'HUNDRED', title: 'Reach {target} net revenue retention for the quarter' },
    ],
  },
  {
    teamId: 'team_sales',
    titles: ['Build a predictable pipeline', 'Win more of the deals we work', 'Make the forecast reliable'],
    keyResults: [
      {
        metricId: 'pipeline_coverage',
        baseline: 'PREVIOUS_QUARTER',
        title: 'Raise pipeline coverage to {target}',
      },
      { metricId: 'win_rate', baseline: 'PREVIOUS_QUARTER', title: 'Lift win rate from {start} to {target}' },
      { metricId: 'new_customers', baseline: 'ZERO', title: 'Sign {target} new customers' },
    ],
  },
  {
    teamId: 'team_customer_success',
    titles: [
      'Keep and grow our customers',
      'Make every customer successful',
      'Turn customers into advocates',
    ],
    keyResults: [
      { metricId: 'nps', baseline: 'PREVIOUS_QUARTER', title: 'Raise NPS from {start} to {target}' },
      {
        metricId: null,
        title: 'Run executive business reviews with the top 30 customers',
        unit: 'COUNT',
        start: 0,
        target: 30,
      },
      {
        metricId: null,
        title: 'Cut median time to first dashboard to 14 days',
        unit: 'COUNT',
        start: 24,
        target: 14,
      },
    ],
  },
  {
    teamId: 'team_engineering',
    titles: [
      'Ship a reliable, scalable platform',
      'Make the product fast and dependable',
      'Scale the platform for enterprise',
    ],
    keyResults: [
      {
        metricId: null,
        title: 'Reach 99.95% API availability',
        unit: 'PERCENT',
        start: 99.82,
        target: 99.95,
      },
      { metricId: null, title: 'Cut p95 dashboard load time by 40%', unit: 'PERCENT', start: 0, target: 40 },
      {
        metricId: null,
        title: 'Close the 25 oldest customer-reported bugs',
        unit: 'COUNT',
        start: 0,
        target: 25,
      },
    ],
  },
  {
    teamId: 'team_marketing',
    titles: [
      'Generate qualified pipeline efficiently',
      'Make Northwind the name buyers know',
      'Fill the top of the funnel',
    ],
    keyResults: [
      { metricId: 'cac', baseline: 'PREVIOUS_QUARTER', title: 'Bring CAC down to {target}' },
      {
        metricId: null,
        title: 'Source 60 marketing-qualified opportunities',
        unit: 'COUNT',
        start: 0,
        target: 60,
      },
      { metricId: null, title: 'Publish 6 customer case studies', unit: 'COUNT', start: 0, target: 6 },
    ],
  },
  {
    teamId: 'team_people',
    titles: [
      'Hire and keep great people',
      'Grow the team without losing the culture',
      'Make Northwind a great place to work',
    ],
    keyResults: [
      {
        metricId: 'headcount',
        baseline: 'PREVIOUS_QUARTER',
        title: 'Grow the team from {start} to {target} people',
      },
      { metricId: null, title: 'Reach an 80% engagement score', unit: 'PERCENT', start: 72, target: 80 },
      {
        metricId: null,
        title: 'Fill every critical role within 60 days',
        unit: 'PERCENT',
        start: 40,
        target: 100,
      },
    ],
  },
  {
    teamId: 'team_finance',
    titles: [
      'Strengthen financial discipline',
      'Fund growth from a position of strength',
      'Make every dollar count',
    ],
    keyResults: [
      {
        metricId: 'gross_margin',
        baseline: 'PREVIOUS_QUARTER',
        title: 'Lift gross margin from {start} to {target}',
      },
      { metricId: 'runway', baseline: 'PREVIOUS_QUARTER', title: 'Extend runway to {target}' },
      { metricId: null, title: 'Close the books in 7 working days', unit: 'COUNT', start: 12, target: 7 },
    ],
  },
];
