import type { ChatEventResolvers } from '../__generated__/resolvers-types.ts';
import { toEntityReference } from '../citations.ts';

export const ChatEvent: ChatEventResolvers = {
  delta: (event) => (event.type === 'TOKEN' ? event.delta : null),
  toolCall: (event) => (event.type === 'TOOL_CALL' || event.type === 'TOOL_RESULT' ? event.toolCall : null),
  citation: (event) => (event.type === 'CITATION' ? toEntityReference(event.citation) : null),
  error: (event) => (event.type === 'ERROR' ? event.error : null),
  message: (event) => (event.type === 'DONE' || event.type === 'ERROR' ? event.reply.message : null),
};
