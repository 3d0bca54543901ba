import { badUserInput } from '@sophia/kit';
import type { IngestJobResolvers } from '../__generated__/resolvers-types.ts';

export const IngestJob: IngestJobResolvers = {
  progress: (job) => (job.chunksTotal === 0 ? 1 : job.chunksDone / job.chunksTotal),
  memories: async (job, { limit }, { store, loaders }) => {
    const size = limit ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > 100)
      throw badUserInput('`limit` must be 1 to 100.', 'limit');
    return store.memoriesOfSource(await loaders.scope(), job.documentId, size);
  },
};
