import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { Citation } from './Citation.ts';
import { Conversation } from './Conversation.ts';
import { Message } from './Message.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = { Query, Conversation, Message, Citation };
