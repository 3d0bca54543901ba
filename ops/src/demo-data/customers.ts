/**
 * A customer's life after signing: a renewal on every contract anniversary, expansions in between, and churn
 * when a renewal is lost. Contract values change only on the day a deal closes.
 */
import type { AccountProfile } from './accounts.ts';
import { type DayNumber, addYears, type DealType, type Segment } from '@sophia/domain';
import {
  type DraftDeal,
  ROUNDING,
  type SimulationContext,
  draftDeal,
  isInData,
  roundTo,
  scheduleByClose,
} from './deal-drafts.ts';
import type { Rng } from './prng.ts';

const EXPANSION_WIN_RATE = 0.6;
const RENEWAL_LOSS_RATE: Record<Segment, number> = { SMB: 0.12, MID_MARKET: 0.07, ENTERPRISE: 0.04 };
/** Share of won renewals that come back smaller. */
const DOWNGRADE_RATE = 0.15;
/** Expected expansion deals per customer per year. */
const EXPANSIONS_PER_YEAR: Record<Segment, number> = { SMB: 0.45, MID_MARKET: 0.9, ENTERPRISE: 1.4 };
/** New customers are left to onboard before anyone tries to sell them more. */
const ONBOARDING_DAYS = 120;

/** A change to a customer's contract value on the day a deal closed. */
export interface ContractChange {
  day: DayNumber;
  /** Signed: positive for new business and expansion, negative for downgrades and churn. */
  amount: number;
  kind: 'NEW_BUSINESS' | 'EXPANSION' | 'DOWNGRADE' | 'CHURN';
  draft: DraftDeal;
}

export interface CustomerHistory {
  drafts: DraftDeal[];
  changes: ContractChange[];
  /** Contract value at the anchor (0 once churned). */
  contract: number;
  churned: boolean;
}

/** Exponential waiting time of a Poisson process. */
function waitDays(rng: Rng, perYear: number): number {
  return Math.ceil((-Math.log(1 - rng.next()) / perYear) * 365);
}

/**
 * @param since first day as a customer (the contract anniversary).
 * @param from first day to simulate: the window's start for existing customers, the day after signing for new.
 * @param contract contract value on `from`.
 */
export function simulateCustomer(
  rng: Rng,
  context: SimulationContext,
  profile: AccountProfile,
  since: DayNumber,
  from: DayNumber,
  contract: number,
): CustomerHistory {
  const history: CustomerHistory = { drafts: [], changes: [], contract, churned: false };
  const events: { day: DayNumber; type: DealType }[] = [];
  for (let year = 1; addYears(since, year) <= context.horizon; year++) {
    if (addYears(since, year) >= from) events.push({ day: addYears(since, year), type: 'RENEWAL' });
  }
  const rate = EXPANSIONS_PER_YEAR[profile.segment];
  const firstExpansion = from + (since >= context.window.start ? ONBOARDING_DAYS : 0);
  for (let day = firstExpansion + waitDays(rng, rate); day <= context.horizon; day += waitDays(rng, rate)) {
    events.push({ day, type: 'EXPANSION' });
  }
  events.sort((a, b) => a.day - b.day);

  const rounding = ROUNDING[profile.segment];
  for (const event of events) {
    const current = history.contract;
    const isRenewal = event.type === 'RENEWAL';
    const draft = draftDeal(rng, context, profile, {
      type: event.type,
      ...scheduleByClose(rng, context, event.type, profile.segment, event.day),
      amount: isRenewal ? current : roundTo(current * rng.float(0.15, 0.4), rounding),
      winRate: isRenewal ? 1 - RENEWAL_LOSS_RATE[profile.segment] : EXPANSION_WIN_RATE,
    });
    if (!isInData(draft, context.window)) continue;
    history.drafts.push(draft);
    if (draft.closeDay > context.window.anchor) continue;
    const change = (amount: number, kind: ContractChange['kind']) => {
      history.contract += amount;
      history.changes.push({ day: draft.closeDay, amount, kind, draft });
    };
    if (!isRenewal && draft.won) change(draft.amount, 'EXPANSION');
    if (isRenewal && !draft.won) {
      change(-current, 'CHURN');
      history.churned = true;
      return history;
    }
    if (isRenewal && rng.chance(DOWNGRADE_RATE)) {
      draft.amount = roundTo(current * rng.float(0.75, 0.95), rounding);
      change(draft.amount - current, 'DOWNGRADE');
    }
  }
  return history;
}
