import { boundedText, periodArgument, requireViewer } from '@sophia/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { requireAdmin } from '../api-keys/api-key-admin.ts';
import { API_KEY_LIMITS } from '../api-keys/api-key-input.ts';
import { quartersOf } from '../period-argument.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) => loaders.user.load(requireViewer(viewer).userId),

  user: (_parent, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.user.load(id);
  },

  users: (_parent, { teamId, search }, { viewer, store }) => {
    requireViewer(viewer);
    return store.listUsers({ teamId: teamId ?? null, search: boundedText(search, 'search') ?? null });
  },

  teams: (_parent, _args, { viewer, store }) => {
    requireViewer(viewer);
    return store.listTeams();
  },

  projects: (_parent, { status }, { viewer, store }) => {
    requireViewer(viewer);
    return store.listProjects(status ?? null);
  },

  project: (_parent, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return loaders.project.load(id);
  },

  atRisk: (_parent, _args, { viewer, store }) => {
    requireViewer(viewer);
    return store.atRiskProjects();
  },

  objectives: (_parent, { period }, { viewer, store }) => {
    requireViewer(viewer);
    const quarters = quartersOf(periodArgument(period, store.today));
    return store.objectivesOfQuarters(quarters.map((quarter) => quarter.key));
  },

  apiKeys: (_parent, { includeInactive }, { viewer, apiKeys }) => {
    requireAdmin(viewer);
    const includes = includeInactive ?? false;
    return apiKeys.store.list({
      includeInactive: includes,
      now: apiKeys.now(),
      limit: API_KEY_LIMITS.listed,
    });
  },
};
