import { notFound, requireViewer } from '@sophia/kit';
import type { MessageResolvers } from '../__generated__/resolvers-types.ts';
import { toEntityReference } from '../citations.ts';

export const Message: MessageResolvers = {
  // Owner-only, through the conversation the message belongs to.
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.message.load(id);
  },
  conversation: async ({ conversationId }, _, { viewer, loaders }) => {
    requireViewer(viewer);
    const conversation = await loaders.conversation.load(conversationId);
    if (!conversation) throw notFound('Conversation', conversationId);
    return conversation;
  },
  citations: ({ citations }) => citations.map(toEntityReference),
};
