/** The sales stages a deal moves through, what each is worth in a forecast, and whether it is still open. */
import type { DealStage } from './types.ts';

export const OPEN_STAGES = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION'] as const;

export type OpenStage = (typeof OPEN_STAGES)[number];

/** Every stage, in the order a deal moves through them. */
export const DEAL_STAGES: readonly DealStage[] = [...OPEN_STAGES, 'CLOSED_WON', 'CLOSED_LOST'];

/** Win probability the CRM shows for each stage; a moved deal takes its new stage's. */
export const STAGE_PROBABILITY: Record<DealStage, number> = {
  PROSPECTING: 0.1,
  QUALIFICATION: 0.2,
  PROPOSAL: 0.4,
  NEGOTIATION: 0.6,
  CLOSED_WON: 1,
  CLOSED_LOST: 0,
};

export type DealStatus = 'OPEN' | 'WON' | 'LOST';

/** A deal is won or lost once it reaches a closed stage, open until then. */
export function statusOfStage(stage: DealStage): DealStatus {
  if (stage === 'CLOSED_WON') return 'WON';
  if (stage === 'CLOSED_LOST') return 'LOST';
  return 'OPEN';
}
