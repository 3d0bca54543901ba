import { boundedCount } from '@sophia/kit';
import type { IngestJobResolvers } from '../__generated__/resolvers-types.ts';

/** The most chunks one `IngestJob.memories` call lists (the schema says 1 to 100). */
const MAX_JOB_MEMORIES = 100;

export const IngestJob: IngestJobResolvers = {
  progress: (job) => (job.chunksTotal === 0 ? 1 : job.chunksDone / job.chunksTotal),
  memories: async (job, { limit }, { store, loaders }) => {
    const size = boundedCount(limit, { argument: 'limit', max: MAX_JOB_MEMORIES, fallback: 20 });
    return store.memoriesOfSource(await loaders.scope(), job.documentId, size);
  },
};
