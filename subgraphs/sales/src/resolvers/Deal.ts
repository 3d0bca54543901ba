import { requireViewer } from '@sophia/kit';
import type { DealResolvers } from '../__generated__/resolvers-types.ts';

export const Deal: DealResolvers = {
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.deal.load(id);
  },
  currency: (_, __, { store }) => store.currency,
  account: async (deal, _, { loaders }) => {
    const account = await loaders.account.load(deal.accountId);
    // The foreign key guarantees the account; its absence means the file was edited by hand.
    if (!account) throw new Error(`Deal ${deal.id} refers to missing account ${deal.accountId}`);
    return account;
  },
  owner: (deal) => ({ __typename: 'User', id: deal.ownerId }),
  stageHistory: (deal, _, { loaders }) => loaders.stageHistory.load(deal.id),
};
