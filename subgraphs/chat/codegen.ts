import { subgraphCodegen } from '../kit/src/codegen/subgraph-codegen.ts';

export default subgraphCodegen('chat', {
  context: '../context.ts#ChatContext',
  mappers: {
    Conversation: '../store.ts#ConversationRow',
    Message: '../store.ts#MessageRow',
  },
});
