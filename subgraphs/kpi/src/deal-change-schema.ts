import { z } from 'zod';
import { DEAL_STAGES, type DealChange, type DealStage } from '@sophia/domain';

/** Largest amount accepted on a deal: far beyond any real one, small enough that sums stay exact. */
const MAX_AMOUNT = 1e12;

const dealState = z.object({
  stage: z.enum(DEAL_STAGES as [DealStage, ...DealStage[]]),
  amount: z.number().min(0).max(MAX_AMOUNT),
  closeDate: z.iso.date(),
});

/**
 * A deal change as kpi accepts it, from the feed or the catch-up: checked and bounded before it moves any
 * fact, so a malformed or hostile message on the channel changes nothing.
 */
const dealChangeSchema = z.object({
  changeNumber: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  dealId: z.string().min(1).max(200),
  dealType: z.enum(['NEW_BUSINESS', 'EXPANSION', 'RENEWAL']),
  ownerId: z.string().max(200),
  region: z.string().max(200),
  changedAt: z.iso.datetime(),
  before: dealState.nullable(),
  after: dealState,
});

/** The change, or undefined for anything that is not one. */
export function parseDealChange(value: unknown): DealChange | undefined {
  const parsed = dealChangeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
