import { requireViewer } from '@sophia/kit';
import type { UserResolvers } from '../__generated__/resolvers-types.ts';
import { statusArg } from '../arguments.ts';

/** The directory (project) owns users; sales only knows their id and adds their deals. */
export const User: UserResolvers = {
  __resolveReference: (reference, { viewer }) => {
    requireViewer(viewer);
    return reference;
  },
  deals: (user, { status }, { loaders }) =>
    loaders.ownerDeals.load({ id: user.id, status: statusArg(status) }),
};
