import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { ChatEvent } from './ChatEvent.ts';
import { Citation } from './Citation.ts';
import { Conversation } from './Conversation.ts';
import { Message } from './Message.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Subscription,
  Conversation,
  Message,
  Citation,
  ChatEvent,
};
