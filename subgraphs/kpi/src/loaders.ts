import DataLoader from 'dataloader';
import { requireViewer, type Viewer } from '@sophia/kit';
import { rangeKey, type DateRange } from './evaluate-metrics.ts';
import { targetKey, type KpiStore, type MetricRow, type TargetKey } from './store.ts';

/** A metric over a range of days. */
export interface ValueKey {
  readonly metric: MetricRow;
  readonly range: DateRange;
}

/**
 * Per-request batch loaders. Everything a request asks in one tick — cards, `value`, `series` of many
 * metrics — becomes one definitions query, one values query and one targets query.
 */
export interface KpiLoaders {
  readonly metric: DataLoader<string, MetricRow | null>;
  readonly value: DataLoader<ValueKey, number | null, string>;
  readonly target: DataLoader<TargetKey, number | null, string>;
}

export function createKpiLoaders(store: KpiStore, viewer: Viewer): KpiLoaders {
  return {
    metric: new DataLoader(async (ids) => {
      requireViewer(viewer);
      const found = new Map((await store.metricsByIds(ids)).map((metric) => [metric.id, metric]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    value: new DataLoader(
      async (keys) => {
        requireViewer(viewer);
        const metrics = uniqueBy(
          keys.map((key) => key.metric),
          (metric) => metric.id,
        );
        const ranges = uniqueBy(
          keys.map((key) => key.range),
          rangeKey,
        );
        const values = await store.evaluate(metrics, ranges);
        return keys.map((key) => values.get(rangeKey(key.range))?.get(key.metric.id) ?? null);
      },
      { cacheKeyFn: (key) => `${key.metric.id}|${rangeKey(key.range)}` },
    ),
    target: new DataLoader(
      async (keys) => {
        requireViewer(viewer);
        const targets = await store.targets(keys);
        return keys.map((key) => targets.get(targetKey(key)) ?? null);
      },
      { cacheKeyFn: targetKey },
    ),
  };
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [keyOf(item), item])).values()];
}
