import { boundedCount, boundedList, boundedText, periodArgument } from '@sophia/kit';
import type { DealFilter, DealStatus } from './__generated__/resolvers-types.ts';
import type { DealQuery } from './store/deal-query.ts';

export const MAX_TOP_DEALS = 100;

/** Reads a period argument against the store's today (the kit's one reading); omitted is the current quarter. */
export const periodArg = periodArgument;

export const limitArg = (limit: number | null | undefined, fallback: number): number =>
  boundedCount(limit, { argument: 'limit', max: MAX_TOP_DEALS, fallback });

/** A search string of at most 200 characters, or undefined when it is absent or blank (blank matches everything). */
export const searchArg = (search: string | null | undefined, argument = 'search'): string | undefined =>
  boundedText(search, argument);

export const statusArg = (status: DealStatus | null | undefined): DealStatus | undefined =>
  status ?? undefined;

/**
 * Turns the public filter into a store query. Unlike `pipeline`, an omitted `period` here means every close
 * date; an empty `stages` list restricts nothing, like an omitted one.
 */
export function dealQueryFrom(filter: DealFilter | null | undefined, today: string): DealQuery {
  if (!filter) return {};
  // Bounded first: every later step (and the store's SQL) sees at most ten stages.
  const stages = boundedList(filter.stages, 'filter.stages');
  const period = filter.period == null ? undefined : periodArg(filter.period, today, 'filter.period');
  return {
    stages,
    status: filter.status ?? undefined,
    type: filter.type ?? undefined,
    ownerId: filter.ownerId ?? undefined,
    accountId: filter.accountId ?? undefined,
    closeFrom: period?.start,
    closeTo: period?.end,
    minAmount: filter.minAmount ?? undefined,
    search: searchArg(filter.search, 'filter.search'),
  };
}
