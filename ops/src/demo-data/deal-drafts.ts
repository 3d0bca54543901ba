/**
 * A single simulated deal before ids are assigned: when it is created, when it would close, whether it is won,
 * and who owns it. Shared by the new-business and customer simulations.
 */
import type { AccountProfile } from './accounts.ts';
import {
  type DayNumber,
  parseIsoDate,
  toCivil,
  toIsoDate,
  toWeekdayOnOrBefore,
  periodContaining,
  type DealType,
  type Segment,
  type User,
} from '@sophia/domain';
import { lostAtStageIndex, plannedStageEntries } from './deal-stages.ts';
import type { Rng } from './prng.ts';

/** How far past the anchor open deals are expected to close (about two quarters). */
export const HORIZON_DAYS = 180;

export interface FactWindow {
  start: DayNumber;
  anchor: DayNumber;
}

export interface SimulationContext {
  window: FactWindow;
  /** The last day an open deal may be expected to close. */
  horizon: DayNumber;
  startDays: ReadonlyMap<string, DayNumber>;
  /** For each user, the account executives on their team. */
  teamExecutives: ReadonlyMap<string, readonly User[]>;
}

export interface DraftDeal {
  accountId: string;
  type: DealType;
  label: string;
  amount: number;
  ownerId: string;
  createdDay: DayNumber;
  /** Close day if it runs its course and is won. */
  plannedCloseDay: DayNumber;
  entries: DayNumber[];
  won: boolean;
  /** Won: the planned close; lost: the day it was lost. */
  closeDay: DayNumber;
  /** For lost deals, the index of the last open stage reached. */
  lostAtIndex: number;
  /** Assigned once every deal is known, in creation order. */
  id: string;
}

interface Range {
  min: number;
  max: number;
}

const CYCLE_DAYS: Record<DealType, Record<Segment, Range>> = {
  NEW_BUSINESS: {
    SMB: { min: 25, max: 70 },
    MID_MARKET: { min: 50, max: 120 },
    ENTERPRISE: { min: 90, max: 175 },
  },
  EXPANSION: {
    SMB: { min: 14, max: 40 },
    MID_MARKET: { min: 25, max: 70 },
    ENTERPRISE: { min: 40, max: 110 },
  },
  RENEWAL: { SMB: { min: 40, max: 75 }, MID_MARKET: { min: 50, max: 90 }, ENTERPRISE: { min: 60, max: 120 } },
};

/** Deals pulled into the last days of their quarter: the end-of-quarter rush. */
const QUARTER_END_PULL = 0.3;
/** Share of deals run by Customer Success rather than the account executive, for existing customers. */
const CUSTOMER_SUCCESS_OWNED = 0.35;

export const ROUNDING: Record<Segment, number> = { SMB: 500, MID_MARKET: 1_000, ENTERPRISE: 5_000 };

const NEW_BUSINESS_LABELS: Record<Segment, readonly string[]> = {
  ENTERPRISE: ['Enterprise Platform', 'Global Analytics Rollout', 'Enterprise Agreement'],
  MID_MARKET: ['Northwind Platform', 'Analytics Platform', 'Team Rollout'],
  SMB: ['Growth Plan', 'Starter Plan', 'Northwind Platform'],
};

const EXPANSION_LABELS = [
  'Forecasting add-on',
  'Embedded Dashboards',
  'Data Connectors pack',
  'Additional seats',
  'AI Insights add-on',
  'Governance Pack',
  'New business unit rollout',
  'Premium Support upgrade',
];

export function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function cycleDays(rng: Rng, type: DealType, segment: Segment): number {
  const cycle = CYCLE_DAYS[type][segment];
  return rng.int(cycle.min, cycle.max);
}

/** Renewals close on the contract date; other deals are often pulled into the end of their quarter. */
function closeDayFor(
  rng: Rng,
  context: SimulationContext,
  type: DealType,
  plannedClose: DayNumber,
): DayNumber {
  if (type !== 'RENEWAL' && rng.chance(QUARTER_END_PULL)) {
    const quarterEnd = parseIsoDate(periodContaining(toIsoDate(plannedClose), 'QUARTER').end) - rng.int(0, 6);
    if (quarterEnd > plannedClose && quarterEnd <= context.horizon) return toWeekdayOnOrBefore(quarterEnd);
  }
  return toWeekdayOnOrBefore(plannedClose);
}

/** Created and planned close days for a deal that should close around `plannedClose`. */
export function scheduleByClose(
  rng: Rng,
  context: SimulationContext,
  type: DealType,
  segment: Segment,
  plannedClose: DayNumber,
): { createdDay: DayNumber; plannedCloseDay: DayNumber } {
  const plannedCloseDay = closeDayFor(rng, context, type, plannedClose);
  return {
    createdDay: toWeekdayOnOrBefore(plannedCloseDay - cycleDays(rng, type, segment)),
    plannedCloseDay,
  };
}

/** Created and planned close days for a deal opened on `createdDay`. */
export function scheduleByCreation(
  rng: Rng,
  context: SimulationContext,
  type: DealType,
  segment: Segment,
  createdDay: DayNumber,
): { createdDay: DayNumber; plannedCloseDay: DayNumber } {
  const created = toWeekdayOnOrBefore(createdDay);
  return {
    createdDay: created,
    plannedCloseDay: closeDayFor(rng, context, type, created + cycleDays(rng, type, segment)),
  };
}

/**
 * The account executive when they had joined by then, otherwise a colleague already on the team; Customer
 * Success runs some renewals and expansions.
 */
function ownerFor(
  rng: Rng,
  context: SimulationContext,
  profile: AccountProfile,
  type: DealType,
  createdDay: DayNumber,
): string {
  const hadStarted = (userId: string) => (context.startDays.get(userId) ?? Infinity) <= createdDay;
  if (type !== 'NEW_BUSINESS' && rng.chance(CUSTOMER_SUCCESS_OWNED) && hadStarted(profile.csmId))
    return profile.csmId;
  if (hadStarted(profile.ownerId)) return profile.ownerId;
  const colleague = (context.teamExecutives.get(profile.ownerId) ?? []).find((user) => hadStarted(user.id));
  return colleague?.id ?? profile.ownerId;
}

/** Decides the deal's outcome and stage timings. */
export function draftDeal(
  rng: Rng,
  context: SimulationContext,
  profile: AccountProfile,
  spec: {
    type: DealType;
    createdDay: DayNumber;
    plannedCloseDay: DayNumber;
    amount: number;
    winRate: number;
  },
): DraftDeal {
  const { type, createdDay, plannedCloseDay } = spec;
  const entries = plannedStageEntries(rng, createdDay, plannedCloseDay);
  const won = rng.chance(spec.winRate);
  let closeDay = plannedCloseDay;
  let lostAtIndex = -1;
  if (!won) {
    lostAtIndex = lostAtStageIndex(rng, type);
    const entered = entries[lostAtIndex] ?? createdDay;
    const nextEntry = entries[lostAtIndex + 1] ?? plannedCloseDay;
    closeDay = entered + 1 + Math.floor(rng.next() * Math.max(1, nextEntry - entered - 1));
  }
  const label =
    type === 'NEW_BUSINESS'
      ? rng.pick(NEW_BUSINESS_LABELS[profile.segment])
      : type === 'EXPANSION'
        ? rng.pick(EXPANSION_LABELS)
        : `Renewal ${toCivil(plannedCloseDay).year}`;
  const ownerId = ownerFor(rng, context, profile, type, createdDay);
  return {
    accountId: profile.id,
    type,
    label,
    amount: spec.amount,
    ownerId,
    createdDay,
    plannedCloseDay,
    entries,
    won,
    closeDay,
    lostAtIndex,
    id: '',
  };
}

/** Whether a draft belongs in the data: created by the anchor and not closed before the window opened. */
export function isInData(draft: DraftDeal, window: FactWindow): boolean {
  return draft.createdDay <= window.anchor && draft.closeDay >= window.start;
}
