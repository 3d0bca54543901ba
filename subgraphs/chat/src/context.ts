import type { BaseContext } from '@sophia/kit';
import type { ChatLoaders } from './loaders.ts';
import type { ChatStore } from './store.ts';

export interface ChatContext extends BaseContext {
  readonly store: ChatStore;
  readonly loaders: ChatLoaders;
}
