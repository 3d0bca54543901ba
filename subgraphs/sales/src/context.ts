import type { BaseContext } from '@sophia/kit';
import type { SalesLoaders } from './loaders.ts';
import type { SalesStore } from './store.ts';

/** What every sales resolver receives: the viewer, the store and this request's batch loaders. */
export interface SalesContext extends BaseContext {
  readonly store: SalesStore;
  readonly loaders: SalesLoaders;
}
