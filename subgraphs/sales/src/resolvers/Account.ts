import { requireViewer } from '@sophia/kit';
import type { AccountResolvers } from '../__generated__/resolvers-types.ts';
import { statusArg } from '../arguments.ts';

export const Account: AccountResolvers = {
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.account.load(id);
  },
  owner: (account) => ({ __typename: 'User', id: account.ownerId }),
  deals: (account, { status }, { loaders }) =>
    loaders.accountDeals.load({ id: account.id, status: statusArg(status) }),
  currency: (_, __, { store }) => store.currency,
};
