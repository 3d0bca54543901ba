import { badUserInput, periodArgument } from '@sophia/kit';
import type { DealFilter, DealStatus } from './__generated__/resolvers-types.ts';
import type { DealQuery } from './store/deal-query.ts';

export const MAX_TOP_DEALS = 100;

/** Reads a period argument against the store's today (the kit's one reading); omitted is the current quarter. */
export const periodArg = periodArgument;

export function limitArg(limit: number | null | undefined, fallback: number): number {
  const value = limit ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_TOP_DEALS) {
    throw badUserInput(`\`limit\` must be between 1 and ${MAX_TOP_DEALS}.`, 'limit');
  }
  return value;
}

/** A search string, or undefined when it is absent or blank (blank matches everything). */
export function searchArg(search: string | null | undefined): string | undefined {
  const trimmed = search?.trim();
  return trimmed ? trimmed : undefined;
}

export const statusArg = (status: DealStatus | null | undefined): DealStatus | undefined =>
  status ?? undefined;

/**
 * Turns the public filter into a store query. Unlike `pipeline`, an omitted `period` here means every close
 * date; an empty `stages` list restricts nothing, like an omitted one.
 */
export function dealQueryFrom(filter: DealFilter | null | undefined, today: string): DealQuery {
  if (!filter) return {};
  const period = filter.period == null ? undefined : periodArg(filter.period, today, 'filter.period');
  return {
    stages: filter.stages ?? undefined,
    status: filter.status ?? undefined,
    type: filter.type ?? undefined,
    ownerId: filter.ownerId ?? undefined,
    accountId: filter.accountId ?? undefined,
    closeFrom: period?.start,
    closeTo: period?.end,
    minAmount: filter.minAmount ?? undefined,
    search: searchArg(filter.search),
  };
}
