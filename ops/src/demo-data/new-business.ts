/**
 * New-business pipeline: a steady, growing flow of new deals, each with a prospect that has no deal in flight.
 * Simulated for the whole company at once so that pipeline keeps arriving however many prospects convert.
 */
import type { AccountProfile } from './accounts.ts';
import type { DayNumber, Segment } from '@sophia/domain';
import {
  type DraftDeal,
  ROUNDING,
  type SimulationContext,
  draftDeal,
  isInData,
  roundTo,
  scheduleByCreation,
} from './deal-drafts.ts';
import type { Rng } from './prng.ts';

/** New deals opened per day when the window opens and at the anchor (the sales team grows). */
const DEALS_PER_DAY = { atStart: 0.3, atAnchor: 0.5 };
/** Starts before the window so it opens with deals in flight. */
const LEAD_IN_DAYS = 150;
const WIN_RATE: Record<Segment, number> = { SMB: 0.22, MID_MARKET: 0.19, ENTERPRISE: 0.16 };
const AMOUNT: Record<Segment, { min: number; max: number }> = {
  SMB: { min: 8_000, max: 40_000 },
  MID_MARKET: { min: 40_000, max: 150_000 },
  ENTERPRISE: { min: 150_000, max: 900_000 },
};
/** Quiet days after a lost deal before the prospect is approached again. */
const COOL_OFF = { min: 20, max: 75 };

export interface NewBusiness {
  /** Deals in the data (created by the anchor, closed no earlier than the window). */
  drafts: DraftDeal[];
  /** The won deal of each prospect that became a customer by the anchor. */
  wins: Map<string, DraftDeal>;
}

export function simulateNewBusiness(
  rng: Rng,
  context: SimulationContext,
  prospects: readonly AccountProfile[],
): NewBusiness {
  const { start, anchor } = context.window;
  const busyUntil = new Map<string, DayNumber>();
  const drafts: DraftDeal[] = [];
  const wins = new Map<string, DraftDeal>();

  for (let day = start - LEAD_IN_DAYS; day <= anchor; day++) {
    const progress = Math.max(0, (day - start) / (anchor - start));
    const opened = rng.poisson(
      DEALS_PER_DAY.atStart + (DEALS_PER_DAY.atAnchor - DEALS_PER_DAY.atStart) * progress,
    );
    for (let count = 0; count < opened; count++) {
      const available = prospects.filter(
        (prospect) => !wins.has(prospect.id) && (busyUntil.get(prospect.id) ?? -Infinity) < day,
      );
      if (available.length === 0) break;
      const prospect = rng.pick(available);
      const amount = rng.logUniform(AMOUNT[prospect.segment].min, AMOUNT[prospect.segment].max);
      const draft = draftDeal(rng, context, prospect, {
        type: 'NEW_BUSINESS',
        ...scheduleByCreation(rng, context, 'NEW_BUSINESS', prospect.segment, day),
        amount: roundTo(amount, ROUNDING[prospect.segment]),
        winRate: WIN_RATE[prospect.segment],
      });
      busyUntil.set(prospect.id, draft.closeDay + rng.int(COOL_OFF.min, COOL_OFF.max));
      if (!isInData(draft, context.window)) continue;
      drafts.push(draft);
      if (draft.won && draft.closeDay <= anchor) wins.set(prospect.id, draft);
    }
  }
  return { drafts, wins };
}
