import { keyResultProgress } from '@sophia/domain';
import type { KeyResultResolvers } from '../__generated__/resolvers-types.ts';
import { okrStatus } from '../okr-status.ts';
import { quarterElapsed } from '../okr-progress.ts';

export const KeyResult: KeyResultResolvers = {
  progress: (keyResult) => keyResultProgress(keyResult),
  status: (keyResult, _args, { store }) =>
    okrStatus(keyResultProgress(keyResult), quarterElapsed(keyResult.period, store.today)),
  // The kpi subgraph owns Metric; the gateway fetches its fields from there.
  metric: ({ metricId }) => (metricId === null ? null : { __typename: 'Metric', id: metricId }),
};
