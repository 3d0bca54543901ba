import type { KpiCardResolvers } from '../__generated__/resolvers-types.ts';
import { sparklineOf } from '../kpi-cards.ts';

export const KpiCard: KpiCardResolvers = {
  sparkline: (card, _, { loaders }) => sparklineOf(card, loaders),
};
