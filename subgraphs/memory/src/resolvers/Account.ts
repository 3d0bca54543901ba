import { requireViewer } from '@sophia/kit';
import type { AccountResolvers } from '../__generated__/resolvers-types.ts';
import { accountMemoryLimit } from '../loaders.ts';

export const Account: AccountResolvers = {
  // Sales owns accounts; memory only adds what it knows about them.
  __resolveReference: (reference, { viewer }) => {
    requireViewer(viewer);
    return reference;
  },
  memories: ({ id }, { limit }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.memoriesOfAccount(accountMemoryLimit(limit)).load(id);
  },
};
