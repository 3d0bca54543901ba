/** The sales stages a deal moves through, and how long it spends in each. */
import type { DayNumber } from './dates.ts';
import type { Rng } from './prng.ts';
import type { DealStage, DealType } from './types.ts';

export const OPEN_STAGES = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION'] as const;

export type OpenStage = (typeof OPEN_STAGES)[number];

/** Win probability the CRM shows for each stage. */
export const STAGE_PROBABILITY: Record<DealStage, number> = {
  PROSPECTING: 0.1,
  QUALIFICATION: 0.2,
  PROPOSAL: 0.4,
  NEGOTIATION: 0.6,
  CLOSED_WON: 1,
  CLOSED_LOST: 0,
};

/**
 * The days a deal enters each open stage if it runs to its planned close: early stages are short, proposal and
 * negotiation take most of the cycle. Entries are strictly increasing and before `closeDay`.
 */
export function plannedStageEntries(rng: Rng, createdDay: DayNumber, closeDay: DayNumber): DayNumber[] {
  const length = closeDay - createdDay;
  const fractions = [0, rng.float(0.1, 0.25), rng.float(0.35, 0.55), rng.float(0.65, 0.85)];
  const entries: DayNumber[] = [];
  for (const fraction of fractions) {
    const previous = entries.at(-1);
    entries.push(
      previous === undefined
        ? createdDay
        : Math.max(previous + 1, createdDay + Math.round(fraction * length)),
    );
  }
  return entries;
}

/** The last stage a lost deal reached: new business dies early, renewals and expansions late. */
export function lostAtStageIndex(rng: Rng, type: DealType): number {
  const weights = type === 'NEW_BUSINESS' ? [0.3, 0.3, 0.25, 0.15] : [0.1, 0.2, 0.35, 0.35];
  return rng.weighted(weights.map((weight, index) => [index, weight] as const));
}
