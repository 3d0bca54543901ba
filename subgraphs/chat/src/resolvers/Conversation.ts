import { requireViewer } from '@sophia/kit';
import type { ConversationResolvers } from '../__generated__/resolvers-types.ts';
import { lastMessages } from '../loaders.ts';

export const Conversation: ConversationResolvers = {
  // Owner-only: someone else's conversation resolves to null, exactly like one that does not exist.
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.conversation.load(id);
  },
  owner: ({ ownerId }) => ({ __typename: 'User', id: ownerId }),
  messages: ({ id }, { last }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.messagesOf(lastMessages(last)).load(id);
  },
};
