/** How long a demo deal spends in each stage (the stages themselves are domain rules). */
import type { DayNumber, DealType } from '@sophia/domain';
import type { Rng } from './prng.ts';

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
