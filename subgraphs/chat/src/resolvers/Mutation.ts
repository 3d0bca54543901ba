import { requireViewer } from '@sophia/kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';

export const Mutation: MutationResolvers = {
  sendMessage: (_, { input }, { viewer, chat }) => chat.sendMessage(requireViewer(viewer), input),
  cancelReply: (_, { messageId }, { viewer, chat }) => chat.cancelReply(requireViewer(viewer), messageId),
};
