import type { BaseContext } from '@sophia/kit';
import type { ProjectLoaders } from './loaders.ts';
import type { ProjectStore } from './store.ts';

export interface ProjectContext extends BaseContext {
  readonly store: ProjectStore;
  readonly loaders: ProjectLoaders;
}
