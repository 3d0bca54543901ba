import { requireViewer } from '@sophia/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { searchMemories, withPendingReads } from '../search.ts';

export const Query: QueryResolvers = {
  searchMemories: async (_, { query, limit, filter }, { viewer, memory, loaders }) => {
    requireViewer(viewer);
    return searchMemories(memory, await loaders.scope(), { query, limit, filter });
  },
  memory: async (_, { id }, { viewer, memory: service, loaders }) => {
    requireViewer(viewer);
    const memory = await loaders.memory.load(id);
    if (!memory) return null;
    service.access.record([memory.id]);
    return withPendingReads(memory, service.access);
  },
  ingestJob: (_, { id }, { viewer, store }) => store.jobs.find(requireViewer(viewer).userId, id),
};
