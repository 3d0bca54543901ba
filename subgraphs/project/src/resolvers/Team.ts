import { requireViewer } from '@sophia/kit';
import type { TeamResolvers } from '../__generated__/resolvers-types.ts';

export const Team: TeamResolvers = {
  __resolveReference: ({ id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.team.load(id);
  },
  lead: ({ leadId }, _args, { loaders }) => (leadId === null ? null : loaders.user.load(leadId)),
  parent: ({ parentId }, _args, { loaders }) => (parentId === null ? null : loaders.team.load(parentId)),
  members: ({ id }, _args, { loaders }) => loaders.teamMembers.load(id),
  projects: ({ id }, _args, { loaders }) => loaders.projectsByTeam.load(id),
};
