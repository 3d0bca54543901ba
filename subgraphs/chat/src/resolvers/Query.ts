import { pageSize, requireViewer } from '@sophia/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';

export const Query: QueryResolvers = {
  conversations: (_, { first }, { viewer, store }) =>
    store.listConversations(requireViewer(viewer).userId, pageSize(first)),
  conversation: (_, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.conversation.load(id);
  },
};
