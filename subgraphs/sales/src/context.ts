import type { Feed, SubgraphContext } from '@sophia/kit';
import type { DealChange } from '@sophia/domain';
import type { DealStageFeed } from './deal-stage-feed.ts';
import type { SalesLoaders } from './loaders.ts';
import type { SalesStore } from './store.ts';

/** What every sales resolver receives: the viewer, the store, this request's batch loaders, the change feed. */
export interface SalesContext extends SubgraphContext {
  readonly store: SalesStore;
  readonly loaders: SalesLoaders;
  readonly stageChanges: DealStageFeed;
  /** Committed deal changes, for kpi (the `deal-changed` feed). */
  readonly dealChanges: Feed<DealChange>;
}
