import type { BaseContext } from '@sophia/kit';
import type { KpiLoaders } from './loaders.ts';
import type { KpiStore } from './store.ts';

export interface KpiContext extends BaseContext {
  readonly store: KpiStore;
  readonly loaders: KpiLoaders;
}
