import { requireViewer } from '@sophia/kit';
import type { UserResolvers } from '../__generated__/resolvers-types.ts';

// Field resolvers run only under a parent that a root field or __resolveReference already let through.
export const User: UserResolvers = {
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.user.load(id);
  },
  team: ({ teamId }, _args, { loaders }) => (teamId === null ? null : loaders.team.load(teamId)),
  manager: ({ managerId }, _args, { loaders }) => (managerId === null ? null : loaders.user.load(managerId)),
  reports: ({ id }, _args, { loaders }) => loaders.reports.load(id),
  ownedProjects: ({ id }, _args, { loaders }) => loaders.projectsByOwner.load(id),
};
