import { requireViewer } from '@sophia/kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.ts';
import type { ChatContext } from '../context.ts';
import type { ChatEventRecord } from '../event-log/index.ts';

export const Subscription: SubscriptionResolvers = {
  replyStream: {
    subscribe: (_, { messageId, after }, { viewer, chat }) =>
      chat.openStream(requireViewer(viewer), messageId, after),
    // The final event carries the reply and its conversation: primed so that `message` resolves in any chat
    // process, also one whose own store never held them.
    resolve: (event: ChatEventRecord, _: unknown, { loaders }: ChatContext) => {
      if (event.type === 'DONE' || event.type === 'ERROR') {
        const { message, conversation } = event.reply;
        loaders.conversation.clear(conversation.id).prime(conversation.id, conversation);
        loaders.message.clear(message.id).prime(message.id, message);
      }
      return event;
    },
  },
};
