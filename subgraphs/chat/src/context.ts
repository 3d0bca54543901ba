import type { SubgraphContext } from '@sophia/kit';
import type { ChatService } from './chat-service.ts';
import type { ChatLoaders } from './loaders.ts';
import type { ChatStore } from './store.ts';

export interface ChatContext extends SubgraphContext {
  readonly store: ChatStore;
  readonly loaders: ChatLoaders;
  readonly chat: ChatService;
}
