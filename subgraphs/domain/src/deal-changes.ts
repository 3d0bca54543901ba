/**
 * How a committed change to a deal moves the daily facts that bookings, pipeline coverage and win rate are
 * computed from. Sales numbers each change in commit order (its `deal_changes` outbox); kpi turns each into
 * fact adjustments with `factAdjustments` and applies them once. The rule mirrors how the facts are built from
 * deals in the first place: a won deal books its amount and counts as won on its close date, a lost one counts
 * as lost on its close date, an open one is in the open pipeline.
 */
import type { FactName } from './facts.ts';
import { statusOfStage } from './stages.ts';
import type { DealStage, DealType } from './types.ts';

/** The feed every sales replica publishes committed deal changes on, and every kpi replica hears. */
export const DEAL_CHANGED_CHANNEL = 'sophia:sales:deal-changed';

/**
 * The internal route of sales that answers the changes after a number (`?after=N&limit=M`), for kpi's
 * catch-up. It answers only a `deal-changes` internal token: no viewer reaches it, through the gateway or not.
 */
export const DEAL_CHANGES_PATH = '/internal/deal-changes';

/** What a change saw of a deal, before or after it. */
export interface DealState {
  readonly stage: DealStage;
  readonly amount: number;
  /** `YYYY-MM-DD`: the day a closed deal closed, the day an open one is expected to. */
  readonly closeDate: string;
}

/** One committed change to a deal: an outbox row of sales, as kpi receives it. */
export interface DealChange {
  /** Sales' number for the change: 1, 2, 3, … in commit order, never reused. */
  readonly changeNumber: number;
  readonly dealId: string;
  readonly dealType: DealType;
  readonly ownerId: string;
  /** The region of the deal's account. */
  readonly region: string;
  /** ISO 8601 UTC, from the sales clock: its day is the day the open pipeline changed. */
  readonly changedAt: string;
  /** Null for a deal the change created. */
  readonly before: DealState | null;
  readonly after: DealState;
}

/** A change to one daily fact. */
export interface FactAdjustment {
  readonly fact: FactName;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `day`: that day's flow alone; `onward`: a stock, from that day on (every later day holds it too). */
  readonly span: 'day' | 'onward';
  readonly delta: number;
}

/**
 * What the change does to the facts: the deal's contribution after it, minus its contribution before it.
 * Contributions only add, so changes commute: applied in any order, each once, they give the same facts.
 */
export function factAdjustments(change: DealChange): FactAdjustment[] {
  const changeDay = change.changedAt.slice(0, 10);
  const parts = [
    ...contributions(change.after, change.dealType, changeDay, 1),
    ...(change.before ? contributions(change.before, change.dealType, changeDay, -1) : []),
  ];
  const merged = new Map<string, FactAdjustment>();
  for (const part of parts) {
    const key = `${part.fact}|${part.date}|${part.span}`;
    const known = merged.get(key);
    merged.set(key, known ? { ...known, delta: known.delta + part.delta } : part);
  }
  return [...merged.values()].filter((adjustment) => adjustment.delta !== 0);
}

function contributions(deal: DealState, type: DealType, changeDay: string, sign: 1 | -1): FactAdjustment[] {
  const onCloseDay = (fact: FactName, value: number): FactAdjustment => ({
    fact,
    date: deal.closeDate,
    span: 'day',
    delta: sign * value,
  });
  switch (statusOfStage(deal.stage)) {
    case 'OPEN':
      return [{ fact: 'open_pipeline', date: changeDay, span: 'onward', delta: sign * deal.amount }];
    case 'WON':
      return [
        onCloseDay('new_bookings', deal.amount),
        onCloseDay('deals_won', 1),
        ...(type === 'NEW_BUSINESS' ? [onCloseDay('new_customers', 1)] : []),
      ];
    case 'LOST':
      return [onCloseDay('deals_lost', 1)];
  }
}
