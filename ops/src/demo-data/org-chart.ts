/**
 * The demo company's org chart as data: teams and the seats in them. Generation only fills the seats with
 * people, so the shape of the company never depends on the seed.
 */

export interface SeatPlan {
  title: string;
  /** @default 1 */
  count?: number;
  /** People without `reportsTo` in this team are spread across the seats marked `manages`. */
  manages?: true;
  /** Title of the seat this one reports to (in the team, or an executive); default a `manages` seat or the lead. */
  reportsTo?: string;
  /** Authorization roles on top of the team's. */
  roles?: readonly string[];
  /** Executive team seats that carry the EXECUTIVE role. */
  executive?: true;
}

export interface TeamPlan {
  id: string;
  name: string;
  parentId: string | null;
  /** Title of the lead: a seat of this team, or of the executive team for departments an executive runs. */
  lead: string;
  /** Whom a lead seated in this team reports to; default the parent team's lead. */
  leadReportsTo?: string;
  /** Authorization roles every member of the team has, besides `member`. */
  roles: readonly string[];
  seats: readonly SeatPlan[];
}

export const CEO_TITLE = 'Chief Executive Officer';

export const TEAM_PLANS: readonly TeamPlan[] = [
  {
    id: 'team_executive',
    name: 'Executive',
    parentId: null,
    lead: CEO_TITLE,
    roles: [],
    seats: [
      { title: CEO_TITLE, executive: true, roles: ['exec'] },
      { title: 'Chief Financial Officer', executive: true, roles: ['exec', 'finance'] },
      { title: 'Chief Revenue Officer', executive: true, roles: ['exec', 'sales'] },
      // The demo's admin: in development, sign in as the CTO to manage API keys.
      { title: 'Chief Technology Officer', executive: true, roles: ['exec', 'admin'] },
      { title: 'VP Marketing', executive: true, roles: ['exec'] },
      { title: 'VP People', executive: true, roles: ['exec'] },
      { title: 'Chief of Staff', reportsTo: CEO_TITLE, roles: ['exec'] },
      { title: 'Executive Assistant', reportsTo: 'Chief of Staff' },
    ],
  },
  {
    id: 'team_sales',
    name: 'Sales',
    parentId: null,
    lead: 'Chief Revenue Officer',
    roles: ['sales'],
    seats: [
      { title: 'Head of Revenue Operations', manages: true, reportsTo: 'Chief Revenue Officer' },
      { title: 'Sales Operations Analyst' },
      { title: 'Deal Desk Manager' },
    ],
  },
  {
    id: 'team_enterprise_sales',
    name: 'Enterprise Sales',
    parentId: 'team_sales',
    lead: 'VP Enterprise Sales',
    roles: ['sales'],
    seats: [
      { title: 'VP Enterprise Sales' },
      { title: 'Senior Enterprise Account Executive', count: 3 },
      { title: 'Enterprise Account Executive', count: 4 },
      { title: 'Solutions Engineer', count: 3 },
    ],
  },
  {
    id: 'team_mid_market_sales',
    name: 'Mid-Market Sales',
    parentId: 'team_sales',
    lead: 'Director, Mid-Market Sales',
    roles: ['sales'],
    seats: [
      { title: 'Director, Mid-Market Sales' },
      { title: 'SDR Manager', manages: true, reportsTo: 'Director, Mid-Market Sales' },
      { title: 'Senior Account Executive', count: 3, reportsTo: 'Director, Mid-Market Sales' },
      { title: 'Account Executive', count: 5, reportsTo: 'Director, Mid-Market Sales' },
      { title: 'Sales Development Representative', count: 5 },
    ],
  },
  {
    id: 'team_customer_success',
    name: 'Customer Success',
    parentId: 'team_sales',
    lead: 'VP Customer Success',
    roles: ['sales'],
    seats: [
      { title: 'VP Customer Success' },
      { title: 'Senior Customer Success Manager', count: 3 },
      { title: 'Customer Success Manager', count: 6 },
      { title: 'Technical Account Manager', count: 2 },
    ],
  },
  {
    id: 'team_marketing',
    name: 'Marketing',
    parentId: null,
    lead: 'VP Marketing',
    roles: [],
    seats: [
      { title: 'Director of Demand Generation', reportsTo: 'VP Marketing' },
      { title: 'Demand Generation Manager', count: 2, reportsTo: 'Director of Demand Generation' },
      { title: 'Growth Marketing Manager', reportsTo: 'Director of Demand Generation' },
      { title: 'Marketing Operations Manager', reportsTo: 'Director of Demand Generation' },
      { title: 'SEO Specialist', reportsTo: 'Director of Demand Generation' },
      { title: 'Head of Product Marketing', reportsTo: 'VP Marketing' },
      { title: 'Product Marketing Manager', count: 2, reportsTo: 'Head of Product Marketing' },
      { title: 'Content Marketing Manager', reportsTo: 'Head of Product Marketing' },
      { title: 'Brand Designer', reportsTo: 'VP Marketing' },
      { title: 'Events Manager', reportsTo: 'VP Marketing' },
    ],
  },
  {
    id: 'team_engineering',
    name: 'Engineering',
    parentId: null,
    lead: 'Chief Technology Officer',
    roles: [],
    seats: [
      { title: 'Principal Engineer', reportsTo: 'Chief Technology Officer' },
      { title: 'Security Engineering Lead', reportsTo: 'Chief Technology Officer' },
    ],
  },
  {
    id: 'team_engineering_platform',
    name: 'Engineering Platform',
    parentId: 'team_engineering',
    lead: 'Director of Engineering, Platform',
    roles: [],
    seats: [
      { title: 'Director of Engineering, Platform' },
      { title: 'Engineering Manager, Infrastructure', manages: true },
      { title: 'Engineering Manager, Data Platform', manages: true },
      { title: 'Staff Software Engineer', count: 2 },
      { title: 'Senior Software Engineer', count: 5 },
      { title: 'Software Engineer', count: 4 },
      { title: 'Site Reliability Engineer', count: 3 },
    ],
  },
  {
    id: 'team_engineering_product',
    name: 'Engineering Product',
    parentId: 'team_engineering',
    lead: 'Director of Engineering, Product',
    roles: [],
    seats: [
      { title: 'Director of Engineering, Product' },
      { title: 'Engineering Manager', count: 2, manages: true },
      { title: 'Senior Product Manager', reportsTo: 'Director of Engineering, Product' },
      { title: 'Product Manager', count: 2, reportsTo: 'Director of Engineering, Product' },
      { title: 'Product Designer', count: 2, reportsTo: 'Director of Engineering, Product' },
      { title: 'Senior Software Engineer', count: 6 },
      { title: 'Software Engineer', count: 5 },
      { title: 'QA Engineer' },
    ],
  },
  {
    id: 'team_data',
    name: 'Data',
    parentId: null,
    lead: 'Head of Data',
    leadReportsTo: 'Chief Technology Officer',
    roles: [],
    seats: [
      { title: 'Head of Data' },
      { title: 'Data Engineer', count: 3 },
      { title: 'Data Scientist', count: 2 },
      { title: 'Analytics Engineer', count: 2 },
    ],
  },
  {
    id: 'team_finance',
    name: 'Finance',
    parentId: null,
    lead: 'Chief Financial Officer',
    roles: ['finance'],
    seats: [
      { title: 'Controller', reportsTo: 'Chief Financial Officer' },
      { title: 'FP&A Manager', reportsTo: 'Chief Financial Officer' },
      { title: 'Senior Accountant', reportsTo: 'Controller' },
      { title: 'Accountant', reportsTo: 'Controller' },
      { title: 'Billing Specialist', reportsTo: 'Controller' },
      { title: 'Financial Analyst', reportsTo: 'FP&A Manager' },
    ],
  },
  {
    id: 'team_people',
    name: 'People',
    parentId: null,
    lead: 'VP People',
    roles: [],
    seats: [
      { title: 'Head of Talent Acquisition', reportsTo: 'VP People' },
      { title: 'Senior Recruiter', reportsTo: 'Head of Talent Acquisition' },
      { title: 'Technical Recruiter', reportsTo: 'Head of Talent Acquisition' },
      { title: 'People Partner', reportsTo: 'VP People' },
      { title: 'People Operations Specialist', reportsTo: 'VP People' },
      { title: 'Workplace Coordinator', reportsTo: 'VP People' },
    ],
  },
];
