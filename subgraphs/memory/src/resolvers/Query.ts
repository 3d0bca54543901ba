import { requireViewer } from '@sophia/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { searchMemories, withAccess } from '../search.ts';

export const Query: QueryResolvers = {
  searchMemories: async (_, { query, limit, filter }, { viewer, memory, loaders }) => {
    requireViewer(viewer);
    return searchMemories(memory, await loaders.scope(), { query, limit, filter });
  },
  memory: async (_, { id }, { viewer, store, loaders }) => {
    requireViewer(viewer);
    const memory = await loaders.memory.load(id);
    return memory && withAccess(memory, await store.recordAccess([memory.id]));
  },
  ingestJob: (_, { id }, { viewer, store }) => store.jobs.find(requireViewer(viewer).userId, id),
};
