/**
 * What the document writers share: the company's records, lookups over them, and small helpers for dates and
 * prose. Writers read figures from here so every number in a document matches the data.
 */
import type { ArrChange } from './deals.ts';
import {
  type DayNumber,
  addYears,
  parseIsoDate,
  toIsoDate,
  toIsoTimestamp,
  toWeekdayOnOrBefore,
  evaluateMetric,
  type FactName,
  metricById,
  type Account,
  type DailyFact,
  type Deal,
  type KnowledgeDocument,
  type MetricTarget,
  type Objective,
  type Project,
  type Team,
  type User,
} from '@sophia/domain';
import { FIRST_NAMES, LAST_NAMES } from './names.ts';
import type { Rng } from './prng.ts';

export type DocumentDraft = Omit<KnowledgeDocument, 'id'>;

export interface DocumentSources {
  companyName: string;
  anchor: string;
  factStart: string;
  users: readonly User[];
  teams: readonly Team[];
  accounts: readonly Account[];
  deals: readonly Deal[];
  arrChanges: readonly ArrChange[];
  facts: readonly DailyFact[];
  targets: readonly MetricTarget[];
  projects: readonly Project[];
  objectives: readonly Objective[];
}

const CONTACT_TITLES = [
  'VP Finance',
  'Director of Analytics',
  'Chief Financial Officer',
  'Head of Data',
  'Chief Operating Officer',
  'IT Director',
  'VP Revenue Operations',
  'Director of FP&A',
];

export interface Contact {
  name: string;
  title: string;
}

export class DocumentContext {
  readonly anchorDay: DayNumber;
  private readonly usersById: Map<string, User>;
  private readonly accountsById: Map<string, Account>;
  private readonly teamsById: Map<string, Team>;

  constructor(readonly sources: DocumentSources) {
    this.anchorDay = parseIsoDate(sources.anchor);
    this.usersById = new Map(sources.users.map((user) => [user.id, user]));
    this.accountsById = new Map(sources.accounts.map((account) => [account.id, account]));
    this.teamsById = new Map(sources.teams.map((team) => [team.id, team]));
  }

  user(id: string): User {
    const user = this.usersById.get(id);
    if (!user) throw new Error(`Unknown user ${id}`);
    return user;
  }

  account(id: string): Account {
    const account = this.accountsById.get(id);
    if (!account) throw new Error(`Unknown account ${id}`);
    return account;
  }

  team(id: string): Team {
    const team = this.teamsById.get(id);
    if (!team) throw new Error(`Unknown team ${id}`);
    return team;
  }

  /** The person holding a title (the first, where several do). */
  byTitle(title: string): User {
    const user = this.sources.users.find((candidate) => candidate.title === title);
    if (!user) throw new Error(`No one holds the title ${title}`);
    return user;
  }

  teamMembers(teamId: string): User[] {
    return this.sources.users.filter((user) => user.teamId === teamId);
  }

  /** A metric over a date range, from the facts. */
  metric(metricId: string, start: string, end: string): number | null {
    return evaluateMetric(metricById(metricId), this.sources.facts, start, end);
  }

  /** A fact's value on a day (stocks such as `arr` or `open_pipeline`). */
  factOn(fact: FactName, date: string): number | null {
    return evaluateMetric({ formula: { kind: 'last', fact } }, this.sources.facts, date, date);
  }

  target(metricId: string, period: string): number | null {
    return (
      this.sources.targets.find((target) => target.metricId === metricId && target.period === period)
        ?.value ?? null
    );
  }

  /** An account's contract value at the end of a day. */
  accountArrOn(accountId: string, day: DayNumber): number {
    const later = this.sources.arrChanges
      .filter((change) => change.accountId === accountId && change.day > day)
      .reduce((sum, change) => sum + change.amount, 0);
    return this.account(accountId).arr - later;
  }

  /** The first contract anniversary after a day: when the customer renews next. */
  nextRenewal(account: Account, day: DayNumber): string | null {
    if (account.customerSince === null) return null;
    const since = parseIsoDate(account.customerSince);
    for (let years = 1; years < 50; years++) {
      if (addYears(since, years) > day) return toIsoDate(addYears(since, years));
    }
    return null;
  }

  /** Deals open at the end of a day. */
  openDealsOn(day: DayNumber): Deal[] {
    const date = toIsoDate(day);
    return this.sources.deals.filter(
      (deal) => deal.createdAt <= date && (deal.closedAt === null || deal.closedAt > date),
    );
  }

  /** The stage a deal was in at the end of a day. */
  stageOn(deal: Deal, day: DayNumber): Deal['stage'] {
    const date = toIsoDate(day);
    return deal.stageHistory.filter((change) => change.enteredAt <= date).at(-1)?.stage ?? 'PROSPECTING';
  }

  /** Two or three people at a customer, the same ones in every document about it. */
  contacts(rng: Rng, account: Account): Contact[] {
    const contactRng = rng.fork(`contacts/${account.id}`);
    return contactRng.sample(CONTACT_TITLES, 3).map((title) => ({
      name: `${contactRng.pick(FIRST_NAMES)} ${contactRng.pick(LAST_NAMES)}`,
      title,
    }));
  }
}

/** The weekday on or before `day`, never after the anchor: the day a document is written. */
export function workday(day: DayNumber, anchor: DayNumber): DayNumber {
  return toWeekdayOnOrBefore(Math.min(day, anchor));
}

/** A working-hours timestamp on the day. */
export function timestampOn(rng: Rng, day: DayNumber): string {
  return toIsoTimestamp(day, rng.int(8 * 60, 18 * 60));
}

/** A working-hours timestamp on `workday(day, anchor)`. */
export function workdayTimestamp(rng: Rng, day: DayNumber, anchor: DayNumber): string {
  return timestampOn(rng, workday(day, anchor));
}

export function firstName(user: Pick<User, 'name'>): string {
  return user.name.split(' ')[0] ?? user.name;
}

/** Joins the paragraphs that are present with blank lines. */
export function paragraphs(...parts: readonly (string | false | null | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n');
}

/** `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function daysBetween(from: string, to: string): number {
  return parseIsoDate(to) - parseIsoDate(from);
}

/** Lower-case tag from a label: `Mid-Market` → `mid-market`. */
export function tag(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
