import { notFound, requireViewer } from '@sophia/kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.ts';
import type { IngestJobRow } from '../ingest/job-store.ts';

export const Subscription: SubscriptionResolvers = {
  ingestJobProgress: {
    subscribe: async (_, { id }, { viewer, ingestor }) => {
      const updates = await ingestor.watch(requireViewer(viewer).userId, id);
      // Someone else's job gets the same answer as one that does not exist.
      if (!updates) throw notFound('Ingest job', id);
      return updates;
    },
    resolve: (job: IngestJobRow) => job,
  },
};
