/**
 * The commercial history: new business across all prospects, then each customer's renewals and expansions.
 * Contract values move only when deals close, so ARR, bookings, churn and every account's contract follow
 * from the same events.
 */
import { type AccountProfile, isAccountExecutive } from './accounts.ts';
import { type ContractChange, simulateCustomer } from './customers.ts';
import {
  type DayNumber,
  parseIsoDate,
  toIsoDate,
  OPEN_STAGES,
  STAGE_PROBABILITY,
  type Account,
  type Deal,
  type DealStage,
  type User,
} from '@sophia/domain';
import {
  type DraftDeal,
  type FactWindow,
  HORIZON_DAYS,
  ROUNDING,
  type SimulationContext,
  roundTo,
} from './deal-drafts.ts';
import { simulateNewBusiness } from './new-business.ts';
import type { Rng } from './prng.ts';
import { compareText } from './order.ts';

/** ARR when the window opens: the existing customers' contracts are scaled to land in this range. */
const STARTING_ARR = { min: 17_600_000, max: 18_400_000 };

/** A change to ARR on the day a deal closed. */
export interface ArrChange {
  day: DayNumber;
  accountId: string;
  dealId: string;
  /** Signed: positive for new business and expansion, negative for downgrades and churn. */
  amount: number;
  kind: ContractChange['kind'];
}

export interface CommercialHistory {
  accounts: Account[];
  deals: Deal[];
  /** By day; the ARR fact is `startingArr` plus their running sum. */
  arrChanges: ArrChange[];
  /** Sum of the existing customers' contracts when the window opens. */
  startingArr: number;
}

interface AccountOutcome {
  drafts: DraftDeal[];
  changes: ContractChange[];
  customerSince: DayNumber | null;
  contract: number;
  churned: boolean;
}

/** Scales the existing customers' relative contract sizes so that they sum to the starting ARR. */
function startingContracts(rng: Rng, profiles: readonly AccountProfile[]): Map<string, number> {
  const target = rng.float(STARTING_ARR.min, STARTING_ARR.max);
  const existing = profiles.filter((profile) => profile.existingCustomer);
  const relativeTotal = existing.reduce((sum, profile) => sum + profile.baselineContract, 0);
  return new Map(
    existing.map((profile) => [
      profile.id,
      roundTo((profile.baselineContract * target) / relativeTotal, ROUNDING[profile.segment]),
    ]),
  );
}

function stageHistory(draft: DraftDeal, anchor: DayNumber): { stage: DealStage; enteredAt: DayNumber }[] {
  const reached = draft.won ? OPEN_STAGES.length : draft.lostAtIndex + 1;
  const history: { stage: DealStage; enteredAt: DayNumber }[] = draft.entries
    .slice(0, reached)
    .map((day, index) => ({ stage: OPEN_STAGES[index] ?? 'PROSPECTING', enteredAt: day }));
  history.push({ stage: draft.won ? 'CLOSED_WON' : 'CLOSED_LOST', enteredAt: draft.closeDay });
  return history.filter((change) => change.enteredAt <= anchor);
}

function toDeal(draft: DraftDeal, accountName: string, anchor: DayNumber): Deal {
  const history = stageHistory(draft, anchor);
  const stage = history.at(-1)?.stage ?? 'PROSPECTING';
  const closed = draft.closeDay <= anchor;
  return {
    id: draft.id,
    name: `${accountName} – ${draft.label}`,
    accountId: draft.accountId,
    ownerId: draft.ownerId,
    amount: draft.amount,
    stage,
    probability: STAGE_PROBABILITY[stage],
    createdAt: toIsoDate(draft.createdDay),
    closeDate: toIsoDate(closed ? draft.closeDay : draft.plannedCloseDay),
    closedAt: closed ? toIsoDate(draft.closeDay) : null,
    type: draft.type,
    stageHistory: history.map((change) => ({
      dealId: draft.id,
      stage: change.stage,
      enteredAt: toIsoDate(change.enteredAt),
    })),
  };
}

/** When the account entered the CRM: before it became a customer, or before its first deal. */
function accountCreatedDay(
  rng: Rng,
  profile: AccountProfile,
  outcome: AccountOutcome,
  anchor: DayNumber,
): DayNumber {
  if (profile.existingCustomer && outcome.customerSince !== null)
    return outcome.customerSince - rng.int(30, 240);
  const firstDeal = Math.min(...outcome.drafts.map((draft) => draft.createdDay));
  return Number.isFinite(firstDeal) ? firstDeal - rng.int(0, 150) : anchor - rng.int(10, 400);
}

function toAccount(rng: Rng, profile: AccountProfile, outcome: AccountOutcome, anchor: DayNumber): Account {
  const isCustomer = outcome.customerSince !== null && !outcome.churned;
  return {
    id: profile.id,
    name: profile.name,
    industry: profile.industry,
    segment: profile.segment,
    region: profile.region,
    employees: profile.employees,
    ownerId: profile.ownerId,
    createdAt: toIsoDate(accountCreatedDay(rng, profile, outcome, anchor)),
    website: profile.website,
    status: outcome.churned ? 'CHURNED' : isCustomer ? 'CUSTOMER' : 'PROSPECT',
    customerSince: outcome.customerSince === null ? null : toIsoDate(outcome.customerSince),
    arr: isCustomer ? outcome.contract : 0,
  };
}

export function simulateCommercialHistory(
  rng: Rng,
  profiles: readonly AccountProfile[],
  users: readonly User[],
  window: FactWindow,
): CommercialHistory {
  const context: SimulationContext = {
    window,
    horizon: window.anchor + HORIZON_DAYS,
    startDays: new Map(users.map((user) => [user.id, parseIsoDate(user.startDate)])),
    teamExecutives: new Map(
      users.map((user) => [
        user.id,
        users.filter((colleague) => colleague.teamId === user.teamId && isAccountExecutive(colleague)),
      ]),
    ),
  };
  const contracts = startingContracts(rng.fork('starting-arr'), profiles);
  const newBusiness = simulateNewBusiness(
    rng.fork('new-business'),
    context,
    profiles.filter((profile) => !profile.existingCustomer),
  );

  const outcomes = profiles.map((profile): AccountOutcome => {
    const accountRng = rng.fork(`customer/${profile.id}`);
    const ownDeals = newBusiness.drafts.filter((draft) => draft.accountId === profile.id);
    const win = newBusiness.wins.get(profile.id);
    if (profile.existingCustomer) {
      const since = window.start - profile.customerTenureDays;
      const life = simulateCustomer(
        accountRng,
        context,
        profile,
        since,
        window.start,
        contracts.get(profile.id) ?? 0,
      );
      return { ...life, customerSince: since };
    }
    if (!win) return { drafts: ownDeals, changes: [], customerSince: null, contract: 0, churned: false };
    const signed: ContractChange = {
      day: win.closeDay,
      amount: win.amount,
      kind: 'NEW_BUSINESS',
      draft: win,
    };
    const life = simulateCustomer(accountRng, context, profile, win.closeDay, win.closeDay + 1, win.amount);
    return {
      drafts: [...ownDeals, ...life.drafts],
      changes: [signed, ...life.changes],
      customerSince: win.closeDay,
      contract: life.contract,
      churned: life.churned,
    };
  });

  const drafts = outcomes
    .flatMap((outcome) => outcome.drafts)
    .sort(
      (a, b) =>
        a.createdDay - b.createdDay ||
        compareText(a.accountId, b.accountId) ||
        a.plannedCloseDay - b.plannedCloseDay,
    );
  drafts.forEach((draft, index) => (draft.id = `deal_${String(index + 1).padStart(4, '0')}`));

  const arrChanges = outcomes
    .flatMap((outcome) => outcome.changes)
    .map((change) => ({
      day: change.day,
      accountId: change.draft.accountId,
      dealId: change.draft.id,
      amount: change.amount,
      kind: change.kind,
    }))
    .sort((a, b) => a.day - b.day || compareText(a.dealId, b.dealId));
  const names = new Map(profiles.map((profile) => [profile.id, profile.name]));
  return {
    accounts: profiles.map((profile, index) =>
      toAccount(rng.fork(`created/${profile.id}`), profile, outcomes[index] as AccountOutcome, window.anchor),
    ),
    deals: drafts.map((draft) => toDeal(draft, names.get(draft.accountId) ?? draft.accountId, window.anchor)),
    arrChanges,
    startingArr: [...contracts.values()].reduce((sum, value) => sum + value, 0),
  };
}
