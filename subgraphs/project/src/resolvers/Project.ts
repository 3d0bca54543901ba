import { requireViewer } from '@sophia/kit';
import type { ProjectResolvers } from '../__generated__/resolvers-types.ts';
import { loadOwner } from '../owner.ts';

export const Project: ProjectResolvers = {
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.project.load(id);
  },
  owner: ({ ownerId }, _args, { loaders }) => loadOwner(loaders, ownerId),
  team: ({ teamId }, _args, { loaders }) => (teamId === null ? null : loaders.team.load(teamId)),
  milestones: ({ id }, _args, { loaders }) => loaders.milestones.load(id),
};
