import { subgraphCodegen } from '../kit/src/codegen/subgraph-codegen.ts';

export default subgraphCodegen('chat', {
  context: '../context.ts#ChatContext',
  mappers: {
    Conversation: '../store.ts#ConversationRow',
    Message: '../store.ts#MessageRow',
    SendMessagePayload: '../chat-service.ts#SendMessageResult',
    CancelReplyPayload: '../chat-service.ts#CancelReplyResult',
    UserError: '../chat-service.ts#UserErrorRow',
    ChatEvent: '../event-log/types.ts#ChatEventRecord',
    ToolCall: '../event-log/types.ts#ToolCallRecord',
    ChatError: '../event-log/types.ts#ChatEventError',
  },
});
