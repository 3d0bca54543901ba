/**
 * The demo company's records. Dates are ISO `YYYY-MM-DD` strings unless a field says otherwise; money is whole
 * dollars (or cents-rounded) in the company's currency.
 */
import type { FactName } from './facts.ts';

export type UserRole = 'EXECUTIVE' | 'MANAGER' | 'MEMBER';

export interface User {
  /** `usr_001` … ; `usr_001` is the chief executive, the default demo user. */
  id: string;
  name: string;
  /** `first.last@<company domain>`, unique. */
  email: string;
  title: string;
  role: UserRole;
  teamId: string;
  /** Null for the chief executive only; every other chain of managers ends there. */
  managerId: string | null;
  /** Authorization roles: `member` for everyone, plus `exec`, `finance` or `sales` where they apply. */
  roles: string[];
  /** Hire date. */
  startDate: string;
}

export interface Team {
  /** `team_sales`, `team_enterprise_sales`, … */
  id: string;
  name: string;
  leadId: string;
  parentId: string | null;
}

export type Segment = 'ENTERPRISE' | 'MID_MARKET' | 'SMB';

/** Relationship as of the anchor. */
export type AccountStatus = 'PROSPECT' | 'CUSTOMER' | 'CHURNED';

export interface Account {
  /** `acc_001` … */
  id: string;
  name: string;
  industry: string;
  segment: Segment;
  region: string;
  employees: number;
  /** The account executive who owns the relationship (a sales user). */
  ownerId: string;
  /** When the account entered the CRM. */
  createdAt: string;
  /** The company's web domain, e.g. `kestrelhealth.com`. */
  website: string;
  status: AccountStatus;
  /** First day as a customer; null for prospects. */
  customerSince: string | null;
  /** Contract value as of the anchor (0 unless a customer); the `arr` fact is the sum over accounts. */
  arr: number;
}

export type DealStage =
  'PROSPECTING' | 'QUALIFICATION' | 'PROPOSAL' | 'NEGOTIATION' | 'CLOSED_WON' | 'CLOSED_LOST';

export type DealType = 'NEW_BUSINESS' | 'EXPANSION' | 'RENEWAL';

export interface DealStageChange {
  dealId: string;
  stage: DealStage;
  enteredAt: string;
}

export interface Deal {
  /** `deal_0001` … */
  id: string;
  /** `<Account> – <product or expansion>`. */
  name: string;
  accountId: string;
  ownerId: string;
  /** Annual contract value, whole dollars. */
  amount: number;
  /** As of the anchor. */
  stage: DealStage;
  /** Win probability of the stage: 0.1, 0.2, 0.4, 0.6, 1 or 0. */
  probability: number;
  createdAt: string;
  /** Expected close for open deals, actual close for closed ones. */
  closeDate: string;
  /** Equals `closeDate` for closed deals; null while open. */
  closedAt: string | null;
  type: DealType;
  /** From PROSPECTING, in order, nothing after the anchor. */
  stageHistory: DealStageChange[];
}

/**
 * One value of one fact on one day: the grain every KPI is computed from. A type alias rather than an interface
 * so that arrays of facts can be handed straight to helpers that take generic SQL rows.
 */
export type DailyFact = {
  date: string;
  fact: FactName;
  value: number;
};

export type MetricUnit = 'CURRENCY' | 'PERCENT' | 'COUNT' | 'MONTHS' | 'SCORE' | 'RATIO';
export type MetricCategory = 'FINANCE' | 'SALES' | 'CUSTOMERS' | 'PEOPLE';
export type MetricAggregation = 'FLOW' | 'STOCK' | 'RATIO';

/**
 * How one fact enters a ratio over a date range: `sum` of its daily values, or its value on the `last` / `first`
 * day in the range that has one.
 */
export interface FormulaTerm {
  fact: FactName;
  agg: 'sum' | 'last' | 'first';
  /** -1 subtracts the term. @default 1 */
  sign?: 1 | -1;
  /**
   * Turns a summed flow into a monthly rate: sum ÷ (days in range that have the fact) × 365.25 / 12. Counting
   * days with data keeps the rate right for a period still in progress.
   * @default false
   */
  perMonth?: boolean;
}

/**
 * A metric over a date range as data, so SQL and the reference `evaluateMetric` compute the same thing.
 * - `sum`: flows; the sum of the fact's daily values.
 * - `last`: stocks; the value on the latest day in the range that has one.
 * - `ratio`: recomputed from its parts over the range: (Σ numerator terms) ÷ (Σ denominator terms) × scale;
 *   null when the denominator is zero.
 */
export type MetricFormula =
  | { kind: 'sum'; fact: FactName }
  | { kind: 'last'; fact: FactName }
  | { kind: 'ratio'; numerator: FormulaTerm[]; denominator: FormulaTerm[]; scale?: number };

export interface MetricDefinition {
  id: string;
  name: string;
  /** PERCENT values are percentage points (72.5 means 72.5%). */
  unit: MetricUnit;
  category: MetricCategory;
  description: string;
  aggregation: MetricAggregation;
  higherIsBetter: boolean;
  formula: MetricFormula;
}

export interface MetricTarget {
  metricId: string;
  /** `2026-Q3`, `2026-11` or `2026`. */
  period: string;
  value: number;
}

export type ProjectStatus = 'NOT_STARTED' | 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'COMPLETED';

export interface Milestone {
  /** `ms_01_1` … */
  id: string;
  projectId: string;
  name: string;
  dueDate: string;
  completedAt: string | null;
}

export interface Project {
  /** `prj_01` … */
  id: string;
  name: string;
  description: string;
  /** Follows from the milestones (see `deriveProjectStatus`). */
  status: ProjectStatus;
  ownerId: string;
  teamId: string;
  startDate: string;
  dueDate: string;
  /** 0–1. */
  progress: number;
  milestones: Milestone[];
}

export interface KeyResult {
  /** `kr_2026q3_01_1` … */
  id: string;
  objectiveId: string;
  title: string;
  /** When set, `currentValue` is that metric's value over the quarter up to the anchor. */
  metricId: string | null;
  unit: MetricUnit;
  startValue: number;
  targetValue: number;
  currentValue: number;
}

export interface Objective {
  /** `obj_2026q3_01` … */
  id: string;
  /** `2026-Q3`. */
  period: string;
  title: string;
  ownerId: string;
  teamId: string;
  keyResults: KeyResult[];
}

export type DocumentKind = 'NOTE' | 'DOCUMENT';
/** ORG: everyone; TEAM: members of the author's team; PRIVATE: the author alone. */
export type DocumentVisibility = 'ORG' | 'TEAM' | 'PRIVATE';

export interface KnowledgeDocument {
  /** `doc_0001` … */
  id: string;
  title: string;
  kind: DocumentKind;
  content: string;
  authorId: string;
  accountId: string | null;
  projectId: string | null;
  dealId: string | null;
  visibility: DocumentVisibility;
  /** ISO timestamp (UTC), never after the anchor day. */
  createdAt: string;
  tags: string[];
}

export interface Company {
  name: string;
  /** Web and e-mail domain. */
  domain: string;
  currency: 'USD';
  seed: number;
  /** The "today" everything is generated relative to. */
  anchor: string;
  /** First day with facts: the start of the quarter two years before the anchor. */
  factStart: string;
  users: User[];
  teams: Team[];
  accounts: Account[];
  deals: Deal[];
  metrics: MetricDefinition[];
  /** Every fact for every day from `factStart` to `anchor`, ordered by date then fact. */
  facts: DailyFact[];
  targets: MetricTarget[];
  projects: Project[];
  objectives: Objective[];
  documents: KnowledgeDocument[];
}
