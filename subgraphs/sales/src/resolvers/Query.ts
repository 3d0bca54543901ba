import { pageSize, requireViewer } from '@sophia/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { dealQueryFrom, limitArg, periodArg, searchArg } from '../arguments.ts';
import { decodeAccountCursor, decodeDealCursor } from '../cursors.ts';
import { buildPipeline, SALES_PROCESS } from '../pipeline.ts';

/** `topDeals` leaves out lost deals: it shows what was or still can be won. */
const WINNABLE_STAGES = SALES_PROCESS.filter((stage) => stage !== 'CLOSED_LOST');

export const Query: QueryResolvers = {
  deals: (_, { filter, first, after }, { viewer, store }) => {
    requireViewer(viewer);
    const size = pageSize(first);
    return store.dealPage(dealQueryFrom(filter, store.today), size, decodeDealCursor(after));
  },
  topDeals: async (_, { period, limit }, { viewer, store }) => {
    requireViewer(viewer);
    const size = limitArg(limit, 10);
    const { start, end } = periodArg(period, store.today);
    const page = await store.dealPage(
      { stages: WINNABLE_STAGES, closeFrom: start, closeTo: end },
      size,
      null,
    );
    return page.rows;
  },
  pipeline: async (_, { period }, { viewer, store }) => {
    requireViewer(viewer);
    const { key, start, end } = periodArg(period, store.today);
    return buildPipeline(key, store.currency, await store.stageTotals(start, end));
  },
  accounts: (_, { search, first, after }, { viewer, store }) => {
    requireViewer(viewer);
    const size = pageSize(first);
    return store.accountPage(searchArg(search), size, decodeAccountCursor(after));
  },
  account: (_, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.account.load(id);
  },
  deal: (_, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.deal.load(id);
  },
};
