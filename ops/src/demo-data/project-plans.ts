/** The initiatives the company is running, as data; dates and progress are generated around the anchor. */
import type { Account } from '@sophia/domain';

export interface ProjectPlan {
  name: string;
  description: string;
  teamId: string;
  /** Title of the owner within the team; the team lead when no one holds it. */
  ownerTitle: string;
  milestones: readonly string[];
  /** A customer project names one of the largest customers (0 = the largest). */
  customerRank?: number;
}

/** Fills `{account}`, `{arr}` and `{year}` placeholders. */
export function fillPlaceholders(text: string, values: { account?: Account; year: number }): string {
  return text
    .replaceAll('{account}', values.account?.name ?? 'a key customer')
    .replaceAll('{arr}', values.account ? `$${Math.round(values.account.arr / 1000)}k` : 'a large')
    .replaceAll('{year}', String(values.year))
    .replaceAll('{nextYear}', String(values.year + 1));
}

export const PROJECT_PLANS: readonly ProjectPlan[] = [
  {
    name: 'SOC 2 Type II renewal',
    description:
      'Renew the SOC 2 Type II report before enterprise renewals ask for it; the audit window covers the last twelve months of controls.',
    teamId: 'team_engineering',
    ownerTitle: 'Security Engineering Lead',
    milestones: ['Readiness assessment', 'Evidence collection', 'Auditor fieldwork', 'Report issued'],
  },
  {
    name: 'EU data residency (Frankfurt region)',
    description:
      'Run a full production region in Frankfurt so EMEA customers can keep their data in the EU, a blocker in several enterprise deals.',
    teamId: 'team_engineering_platform',
    ownerTitle: 'Engineering Manager, Infrastructure',
    milestones: [
      'Architecture review',
      'Region build-out',
      'Data migration tooling',
      'Customer pilot',
      'General availability',
    ],
  },
  {
    name: 'Usage-based pricing launch',
    description:
      'Move the Growth and Platform plans to a base fee plus usage, so smaller customers can start cheaper and expand as they grow.',
    teamId: 'team_marketing',
    ownerTitle: 'Head of Product Marketing',
    milestones: ['Pricing research', 'Packaging decision', 'Billing changes', 'Sales enablement', 'Launch'],
  },
  {
    name: 'Snowflake connector GA',
    description:
      'Take the native Snowflake connector from beta to general availability with incremental sync and column-level lineage.',
    teamId: 'team_engineering_product',
    ownerTitle: 'Senior Product Manager',
    milestones: ['Beta feedback review', 'Incremental sync', 'Lineage view', 'Documentation and GA'],
  },
  {
    name: 'AI Insights beta',
    description:
      'Ship natural-language questions and automatic anomaly explanations to twenty beta customers, priced as an add-on.',
    teamId: 'team_engineering_product',
    ownerTitle: 'Product Manager',
    milestones: ['Prototype', 'Evaluation harness', 'Private beta', 'Pricing and packaging', 'Public beta'],
  },
  {
    name: '{account} enterprise rollout',
    description:
      'Roll the platform out to every business unit at {account} ({arr} ARR), with SSO, SCIM provisioning and executive dashboards.',
    teamId: 'team_customer_success',
    ownerTitle: 'Senior Customer Success Manager',
    milestones: [
      'Kickoff',
      'SSO and SCIM setup',
      'Data connectors live',
      'Executive dashboards launched',
      'Adoption review',
    ],
    customerRank: 0,
  },
  {
    name: '{account} migration from legacy BI',
    description:
      'Move {account} off its legacy BI tool onto Northwind dashboards before its old licence expires.',
    teamId: 'team_customer_success',
    ownerTitle: 'Technical Account Manager',
    milestones: [
      'Report inventory',
      'Data model mapping',
      'Dashboard migration',
      'User training',
      'Legacy shutdown',
    ],
    customerRank: 1,
  },
  {
    name: '{account} renewal readiness',
    description:
      'Prepare the {account} renewal ({arr} ARR): usage review, value summary for their CFO, and a multi-year proposal.',
    teamId: 'team_customer_success',
    ownerTitle: 'Customer Success Manager',
    milestones: ['Usage and value review', 'Executive sponsor meeting', 'Proposal sent', 'Signature'],
    customerRank: 2,
  },
  {
    name: 'Customer health scoring v2',
    description:
      'Predict churn and expansion from product usage, support tickets and survey answers, and surface it to Customer Success each week.',
    teamId: 'team_data',
    ownerTitle: 'Data Scientist',
    milestones: ['Feature pipeline', 'Model training', 'Backtest on last year', 'CS dashboard'],
  },
  {
    name: 'Revenue data warehouse consolidation',
    description:
      'One source of truth for bookings, ARR and billing: the CRM, billing system and product usage modelled in one warehouse.',
    teamId: 'team_data',
    ownerTitle: 'Head of Data',
    milestones: ['Source inventory', 'dbt models', 'Finance sign-off', 'Board reporting switch-over'],
  },
  {
    name: 'Ingestion pipeline rewrite',
    description:
      'Replace the batch ingestion service with a streaming pipeline to cut data freshness from hours to minutes.',
    teamId: 'team_engineering_platform',
    ownerTitle: 'Staff Software Engineer',
    milestones: ['Design doc approved', 'Shadow traffic', 'Tenant migration', 'Old pipeline retired'],
  },
  {
    name: 'Cloud cost optimisation',
    description:
      'Cut hosting cost per customer by a fifth through rightsizing, reserved capacity and storage tiering, lifting gross margin.',
    teamId: 'team_engineering_platform',
    ownerTitle: 'Site Reliability Engineer',
    milestones: ['Cost baseline', 'Rightsizing', 'Reserved capacity purchase', 'Storage tiering'],
  },
  {
    name: 'Self-serve trial',
    description:
      'Let a prospect sign up, connect a data source and see a first dashboard in under ten minutes, without talking to sales.',
    teamId: 'team_engineering_product',
    ownerTitle: 'Product Manager',
    milestones: ['Signup flow', 'Sample data workspace', 'Guided onboarding', 'Trial-to-paid checkout'],
  },
  {
    name: 'Salesforce integration v2',
    description:
      'Two-way sync with Salesforce so account teams see product usage and health scores next to their opportunities.',
    teamId: 'team_engineering_product',
    ownerTitle: 'Senior Product Manager',
    milestones: ['Object mapping', 'Two-way sync', 'Managed package review', 'AppExchange listing'],
  },
  {
    name: 'Mobile executive dashboards',
    description: 'Read-only mobile dashboards with push alerts for the metrics executives watch most.',
    teamId: 'team_engineering_product',
    ownerTitle: 'Product Designer',
    milestones: ['Design concepts', 'iOS build', 'Android build', 'Store release'],
  },
  {
    name: 'Partner program launch',
    description:
      'Recruit ten consulting and reseller partners and give them deal registration, training and co-marketing funds.',
    teamId: 'team_marketing',
    ownerTitle: 'Demand Generation Manager',
    milestones: [
      'Program design',
      'First five partners signed',
      'Partner portal live',
      'First partner-sourced deal',
    ],
  },
  {
    name: 'Northwind Summit',
    description:
      'The annual customer conference: two days, about four hundred attendees, product keynotes and customer stories.',
    teamId: 'team_marketing',
    ownerTitle: 'Events Manager',
    milestones: [
      'Venue booked',
      'Call for speakers',
      'Agenda published',
      'Registration target reached',
      'Event',
    ],
  },
  {
    name: 'Website relaunch',
    description:
      'New positioning, new design and faster pages, with pricing and customer stories front and centre.',
    teamId: 'team_marketing',
    ownerTitle: 'Brand Designer',
    milestones: ['Messaging workshop', 'Design system', 'Content migration', 'Launch'],
  },
  {
    name: 'MEDDICC sales methodology rollout',
    description:
      'Train every account executive on MEDDICC and enforce it in the CRM so forecasts are qualified the same way.',
    teamId: 'team_sales',
    ownerTitle: 'Head of Revenue Operations',
    milestones: [
      'Playbook written',
      'Training sessions',
      'CRM fields and validation',
      'First forecast review',
    ],
  },
  {
    name: 'CPQ and deal desk automation',
    description:
      'Quotes generated from the CRM with approval rules for discounts, so deals stop waiting on spreadsheets.',
    teamId: 'team_sales',
    ownerTitle: 'Deal Desk Manager',
    milestones: ['Requirements', 'Vendor selection', 'Approval workflows', 'Go-live'],
  },
  {
    name: 'FY{nextYear} operating plan',
    description:
      'Build the next fiscal year plan: bookings and ARR targets, hiring plan, and a budget that keeps runway above 30 months.',
    teamId: 'team_finance',
    ownerTitle: 'FP&A Manager',
    milestones: ['Top-down targets', 'Department budgets', 'Hiring plan', 'Board approval'],
  },
  {
    name: 'Billing system migration',
    description:
      'Move invoicing and revenue recognition to a billing platform that supports usage-based pricing.',
    teamId: 'team_finance',
    ownerTitle: 'Controller',
    milestones: ['Vendor selection', 'Data migration', 'Parallel run', 'Cut-over'],
  },
  {
    name: 'Engineering career ladder',
    description:
      'Publish levels and expectations for engineers and managers, and calibrate everyone against them.',
    teamId: 'team_people',
    ownerTitle: 'People Partner',
    milestones: ['Draft ladder', 'Manager review', 'Calibration', 'Publish'],
  },
  {
    name: 'Engineering hiring push',
    description:
      'Hire the engineers in the plan: sourcing campaigns, a faster interview loop and offers out within a week.',
    teamId: 'team_people',
    ownerTitle: 'Head of Talent Acquisition',
    milestones: ['Roles approved', 'Interview loop redesign', 'Half of roles filled', 'All roles filled'],
  },
  {
    name: 'Customer onboarding revamp',
    description:
      'Shorten time to first value for new customers from six weeks to three with templates and a guided plan.',
    teamId: 'team_customer_success',
    ownerTitle: 'Senior Customer Success Manager',
    milestones: ['Onboarding audit', 'Templates and playbooks', 'Pilot with new customers', 'Rollout'],
  },
];
