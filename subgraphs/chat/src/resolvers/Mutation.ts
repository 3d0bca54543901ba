import { requireViewer } from '@sophia/kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';

export const Mutation: MutationResolvers = {
  sendMessage: (_, { input }, { viewer, chat, deadline }) =>
    chat.sendMessage(requireViewer(viewer), input, deadline),
  // A cancellation is applied even after its caller gave up: it only stops work, and asking again is safe.
  cancelReply: (_, { messageId }, { viewer, chat }) => chat.cancelReply(requireViewer(viewer), messageId),
};
