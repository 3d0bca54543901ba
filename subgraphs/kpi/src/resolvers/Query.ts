import { periodArgument, requireViewer } from '@sophia/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { kpiCards } from '../kpi-cards.ts';

export const Query: QueryResolvers = {
  kpiCards: (_, { period }, { viewer, store, loaders }) => {
    requireViewer(viewer);
    return kpiCards(periodArgument(period, store.today), store.today, loaders);
  },
  metrics: (_, { category }, { viewer, store }) => {
    requireViewer(viewer);
    return store.metrics(category ?? undefined);
  },
  metric: (_, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.metric.load(id);
  },
};
