/**
 * The daily facts every KPI is computed from. Flows are amounts for the day; stocks are the level at the end
 * of the day.
 */

export type FactKind = 'FLOW' | 'STOCK';

export const FACTS = {
  revenue: { kind: 'FLOW', description: 'Subscription revenue recognised that day, about ARR ÷ 365.' },
  cogs: { kind: 'FLOW', description: 'Cost of revenue: hosting, data providers and support.' },
  opex: { kind: 'FLOW', description: 'Research, development and general and administrative spend.' },
  sales_marketing_spend: { kind: 'FLOW', description: 'Sales and marketing spend, people and programmes.' },
  net_burn: { kind: 'FLOW', description: 'cogs + opex + sales_marketing_spend − revenue.' },
  cash: { kind: 'STOCK', description: 'Cash in the bank at the end of the day.' },
  new_bookings: {
    kind: 'FLOW',
    description: 'Sum of the amounts of deals closed won that day (every type).',
  },
  expansion_arr: { kind: 'FLOW', description: 'ARR added by expansion deals closed won that day.' },
  churned_arr: { kind: 'FLOW', description: 'ARR lost that day: lost renewals plus downgrades at renewal.' },
  arr: { kind: 'STOCK', description: 'Annual recurring revenue: the sum of customer contracts.' },
  new_customers: { kind: 'FLOW', description: 'New-business deals closed won that day.' },
  deals_won: { kind: 'FLOW', description: 'Deals closed won that day.' },
  deals_lost: { kind: 'FLOW', description: 'Deals closed lost that day.' },
  open_pipeline: { kind: 'STOCK', description: 'Sum of the amounts of deals open at the end of the day.' },
  bookings_target_daily: {
    kind: 'FLOW',
    description: "The quarter's bookings target spread evenly over its days.",
  },
  headcount: {
    kind: 'STOCK',
    description: 'People employed: users whose start date is on or before the day.',
  },
  nps_promoters: { kind: 'FLOW', description: 'NPS survey responses scoring 9–10 that day.' },
  nps_passives: { kind: 'FLOW', description: 'NPS survey responses scoring 7–8 that day.' },
  nps_detractors: { kind: 'FLOW', description: 'NPS survey responses scoring 0–6 that day.' },
} as const satisfies Record<string, { kind: FactKind; description: string }>;

export type FactName = keyof typeof FACTS;

/** Every fact name, in the order facts are emitted for each day. */
export const FACT_NAMES = Object.keys(FACTS) as FactName[];
