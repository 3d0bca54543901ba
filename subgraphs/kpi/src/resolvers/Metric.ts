import { periodArgument, requireViewer } from '@sophia/kit';
import type { MetricResolvers } from '../__generated__/resolvers-types.ts';
import { seriesRange, seriesSteps } from '../series-steps.ts';

export const Metric: MetricResolvers = {
  __resolveReference: (reference, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.metric.load(reference.id);
  },
  currency: (metric, _, { viewer, store }) => {
    requireViewer(viewer);
    return metric.unit === 'CURRENCY' ? store.currency : null;
  },
  value: (metric, { period }, { store, loaders }) =>
    loaders.value.load({ metric, range: periodArgument(period, store.today) }),
  target: (metric, { period }, { store, loaders }) =>
    loaders.target.load({ metricId: metric.id, period: periodArgument(period, store.today).key }),
  series: async (metric, { from, to, grain }, { store, loaders }) => {
    const steps = seriesSteps(seriesRange(from, to, store.today), grain ?? 'MONTH');
    const values = await loaders.value.loadMany(steps.map((range) => ({ metric, range })));
    return steps.map((step, i) => {
      const value = values[i];
      if (value instanceof Error) throw value;
      return { period: step.label, start: step.start, end: step.end, value: value ?? null };
    });
  },
};
