import type { BaseContext } from '@sophia/kit';
import type { ProjectLoaders } from './loaders.ts';
import type { ApiKeyStore } from './store/api-keys-store.ts';
import type { ProjectStore } from './store.ts';

export interface ProjectContext extends BaseContext {
  readonly store: ProjectStore;
  readonly loaders: ProjectLoaders;
  /** API keys: their store, the pepper their hashes are made with, and real time (never the demo clock). */
  readonly apiKeys: { readonly store: ApiKeyStore; readonly pepper: string; readonly now: () => number };
}
