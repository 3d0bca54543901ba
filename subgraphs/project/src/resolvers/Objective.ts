import { requireViewer } from '@sophia/kit';
import type { ObjectiveResolvers } from '../__generated__/resolvers-types.ts';
import { okrStatus } from '../okr-status.ts';
import { progressOfObjective, quarterElapsed } from '../okr-progress.ts';
import { loadOwner } from '../owner.ts';

export const Objective: ObjectiveResolvers = {
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.objective.load(id);
  },
  owner: ({ ownerId }, _args, { loaders }) => loadOwner(loaders, ownerId),
  team: ({ teamId }, _args, { loaders }) => (teamId === null ? null : loaders.team.load(teamId)),
  keyResults: ({ id }, _args, { loaders }) => loaders.keyResults.load(id),
  progress: ({ id }, _args, { loaders }) => progressOfObjective(loaders, id),
  status: async ({ id, period }, _args, { loaders, store }) =>
    okrStatus(await progressOfObjective(loaders, id), quarterElapsed(period, store.today)),
};
