/**
 * The hub: builds the whole demo company from a seed and an anchor date. Every part draws from its own forked
 * random stream, so the same seed and anchor always give the same company.
 */
import { buildAccountProfiles } from './accounts.ts';
import {
  addYears,
  parseIsoDate,
  toIsoDate,
  todayIsoUtc,
  METRICS,
  periodContaining,
  type Company,
  type Deal,
  type User,
} from '@sophia/domain';
import { simulateCommercialHistory } from './deals.ts';
import { buildDocuments } from './documents.ts';
import { buildDailyFacts } from './kpis.ts';
import { buildObjectives } from './objectives.ts';
import { buildPeople } from './people.ts';
import { bookingsTargetSchedule, buildPlanFacts, factColumns } from './plan.ts';
import { createRng } from './prng.ts';
import { buildProjects } from './projects.ts';
import { buildTargets, lastTargetDay, targetPeriods } from './targets.ts';

export const COMPANY_NAME = 'Northwind Analytics';
export const COMPANY_DOMAIN = 'northwindanalytics.com';
/** Any number works; this one gives a company whose story reads well (steady bookings, healthy pipeline). */
export const DEFAULT_SEED = 314_159;

/**
 * Where `demoDirectory` places hire dates. The directory must not depend on the anchor, so its `startDate`s are
 * relative to this fixed day; `generateCompany` places the same tenures relative to its own anchor.
 */
export const DIRECTORY_REFERENCE_DATE = '2026-11-24';

export interface GenerateCompanyOptions {
  /** @default DEFAULT_SEED */
  seed?: number;
  /** The "today" of the data, `YYYY-MM-DD`. @default today's date in UTC */
  anchor?: string;
}

function dailyBookings(deals: readonly Deal[], start: number, anchor: number): Float64Array {
  const bookings = new Float64Array(anchor - start + 1);
  for (const deal of deals) {
    if (deal.stage !== 'CLOSED_WON' || deal.closedAt === null) continue;
    const index = parseIsoDate(deal.closedAt) - start;
    bookings[index] = (bookings[index] ?? 0) + deal.amount;
  }
  return bookings;
}

/** @throws RangeError when `anchor` is not a real `YYYY-MM-DD` date. */
export function generateCompany(options: GenerateCompanyOptions = {}): Company {
  const seed = options.seed ?? DEFAULT_SEED;
  const anchor = options.anchor ?? todayIsoUtc();
  const anchorDay = parseIsoDate(anchor);
  const rng = createRng(seed);
  const factStart = periodContaining(toIsoDate(addYears(anchorDay, -2)), 'QUARTER').start;
  const window = { start: parseIsoDate(factStart), anchor: anchorDay };

  const { users, teams } = buildPeople(rng.fork('people'), COMPANY_DOMAIN, anchor);
  const profiles = buildAccountProfiles(rng.fork('accounts'), users);
  const history = simulateCommercialHistory(rng.fork('deals'), profiles, users, window);
  const bookingsTargetForDay = bookingsTargetSchedule(
    dailyBookings(history.deals, window.start, anchorDay),
    window.start,
    anchorDay,
  );
  const facts = buildDailyFacts(rng.fork('kpis'), {
    window,
    deals: history.deals,
    arrChanges: history.arrChanges,
    startingArr: history.startingArr,
    users,
    bookingsTargetForDay,
  });
  const periods = targetPeriods(factStart, anchor);
  const planFacts = buildPlanFacts(
    factColumns(facts, window.start, anchorDay),
    window,
    parseIsoDate(lastTargetDay(periods)),
    bookingsTargetForDay,
  );
  const metrics = structuredClone([...METRICS]);
  const targets = buildTargets(metrics, planFacts, periods);
  const projects = buildProjects(rng.fork('projects'), { users, teams, accounts: history.accounts, anchor });
  const objectives = buildObjectives(rng.fork('objectives'), { teams, facts, targets, anchor });
  const documents = buildDocuments(rng.fork('documents'), {
    companyName: COMPANY_NAME,
    anchor,
    factStart,
    users,
    teams,
    accounts: history.accounts,
    deals: history.deals,
    arrChanges: history.arrChanges,
    facts,
    targets,
    projects,
    objectives,
  });

  return {
    name: COMPANY_NAME,
    domain: COMPANY_DOMAIN,
    currency: 'USD',
    seed,
    anchor,
    factStart,
    users,
    teams,
    accounts: history.accounts,
    deals: history.deals,
    metrics,
    facts,
    targets,
    projects,
    objectives,
    documents,
  };
}

const directories = new Map<number, readonly User[]>();

/**
 * The company's people for a seed, identical (ids, names, e-mails, titles, managers, roles) to
 * `generateCompany({ seed }).users` whatever the anchor; only `startDate` is placed relative to
 * `DIRECTORY_REFERENCE_DATE`. Cached and frozen: callers share one copy.
 */
export function demoDirectory(seed: number = DEFAULT_SEED): readonly User[] {
  let directory = directories.get(seed);
  if (!directory) {
    const { users } = buildPeople(createRng(seed).fork('people'), COMPANY_DOMAIN, DIRECTORY_REFERENCE_DATE);
    directory = Object.freeze(
      users.map((user) => Object.freeze({ ...user, roles: Object.freeze([...user.roles]) as string[] })),
    );
    directories.set(seed, directory);
  }
  return directory;
}
