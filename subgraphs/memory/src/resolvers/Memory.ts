import { requireViewer } from '@sophia/kit';
import type { MemoryResolvers } from '../__generated__/resolvers-types.ts';
import { TIER_NAME } from '../store.ts';

export const Memory: MemoryResolvers = {
  // A memory the viewer may not see resolves to null, exactly like one that does not exist.
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.memory.load(id);
  },
  tier: ({ tier }) => TIER_NAME[tier],
  owner: ({ ownerId }) => ({ __typename: 'User', id: ownerId }),
  account: ({ accountId }) => (accountId === null ? null : { __typename: 'Account', id: accountId }),
  source: ({ sourceType, sourceId, sourceTitle }) => ({ type: sourceType, id: sourceId, title: sourceTitle }),
};
